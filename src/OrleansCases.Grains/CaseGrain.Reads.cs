using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Grains.Reads;

namespace OrleansCases.Grains;

/// <summary>
/// Who read a case (docs/design.md section 10). Every user's read of its detail is added to its read audit before it
/// is answered (a read that cannot be recorded is not answered), and a clinician's first read that opened the case is
/// added once as seen and told to the owner. Both are rows beside the case's own in its region's partition, written by the grain alone, never
/// through the region log: a read changes no version, and is in no feed. Nothing of it is logged.
/// </summary>
public sealed partial class CaseGrain
{
    // The clinicians who have seen the case, read from storage at the first read of this activation.
    private List<CaseSeen>? _seen;

    // Whether this activation has made sure its region's audit sweep is scheduled.
    private bool _sweepScheduled;

    public async Task<CaseView?> ReadAsync(UserRef reader, ReadChannel via, bool opened)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await LoadAsync();
        if (_case is not { } @case || !CaseLifecycle.CanRead(@case, reader))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        try
        {
            var seen = await SeenAsync(@case);
            var audited = table.AddAuditReadAsync(@case.Region, @case.Id, new CaseRead(reader.Id, reader.Name, reader.Role, now, via));
            var first = opened && reader.Role == UserRole.Clinician && seen.All(s => s.UserId != reader.Id)
                ? SeeAsync(@case, new CaseSeen(reader.Id, reader.Name, now))
                : Task.CompletedTask;
            await Task.WhenAll(audited, first);
        }
        catch (Exception ex) when (ex is not CaseUnavailableException)
        {
            throw new CaseUnavailableException("The read could not be recorded in the case's read audit; try again.", ex);
        }

        if (!_sweepScheduled)
        {
            await GrainFactory.GetGrain<IReadAuditSweepGrain>(@case.Region).EnsureScheduledAsync();
            _sweepScheduled = true;
        }

        return ViewOf(@case, reader) with { SeenBy = [.. _seen!] };
    }

    public async Task<ReadAuditPage> ReadAuditAsync(UserRef reader, string? cursor, int limit)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await LoadAsync();
        if (_case is not { } @case || !CaseLifecycle.CanRead(@case, reader))
        {
            return ReadAuditPage.NotFound;
        }

        if (reader.Role != UserRole.Admin)
        {
            return ReadAuditPage.Forbidden;
        }

        var prefix = RowKeys.AuditPrefix(@case.Id);
        try
        {
            // One more than asked for: whether there is a next page, without an empty last one.
            var (reads, keys) = await table.ReadAuditAsync(@case.Region, @case.Id, cursor is null ? null : prefix + cursor, limit + 1);
            return reads.Count > limit
                ? new ReadAuditPage(ReadAuditOutcome.Ok, [.. reads.Take(limit)], keys[limit - 1][prefix.Length..])
                : new ReadAuditPage(ReadAuditOutcome.Ok, reads, null);
        }
        catch (Exception ex)
        {
            throw new CaseUnavailableException("The case's read audit could not be read; try again.", ex);
        }
    }

    private async Task<List<CaseSeen>> SeenAsync(CaseRecord @case) =>
        _seen ??= [.. await table.ReadSeenAsync(@case.Region, @case.Id)];

    /// <summary>Records a clinician's first read and tells the owner; when a rival activation recorded it first, takes theirs.</summary>
    private async Task SeeAsync(CaseRecord @case, CaseSeen seen)
    {
        if (!await table.AddSeenAsync(@case.Region, @case.Id, seen))
        {
            _seen = [.. await table.ReadSeenAsync(@case.Region, @case.Id)];
            return;
        }

        _seen!.Add(seen);
        metrics.Seen(@case.Region);
        await GrainFactory.GetGrain<IPresenceGrain>(@case.Region).CaseSeenAsync(new CaseSeenNotice(@case.Id, @case.OwnerId, seen));
    }
}
