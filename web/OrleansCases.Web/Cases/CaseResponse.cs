using System.Text.Json.Serialization;
using OrleansCases.Abstractions;
using OrleansCases.Web.Reads;

namespace OrleansCases.Web.Cases;

/// <summary>
/// A case as the API shows it (docs/design.md section 4), with its history and the caller's allowed actions; while it
/// waits in the review queue, since when and how often it was escalated (section 10).
/// </summary>
public sealed record CaseResponse(
    string Id,
    string Region,
    string PatientRef,
    string Summary,
    CasePriority Priority,
    CaseStatus Status,
    int Version,
    string OwnerId,
    string? AssigneeId,
    string? Facility,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int EscalationLevel,
    DateTimeOffset? WaitingSince,
    IReadOnlyList<CaseHistoryEntry> History,
    IReadOnlyList<CaseAction> AllowedActions)
{
    /// <summary>
    /// Who has the case open right now (docs/design.md section 9), the caller too when they do: in the answers of reads
    /// (GET, WatchCase), not of commands, since a repeated command answers exactly as the first time did.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CaseViewer>? Viewers { get; init; }

    /// <summary>
    /// How many messages the case's conversation holds (docs/design.md section 9): in the answers of reads, like
    /// <see cref="Viewers"/>, since messages posted after a command would change its replayed answer.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MessageCount { get; init; }

    /// <summary>Which clinicians have seen the case (their first reads, docs/design.md section 10): in the answers of reads.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CaseSeenResponse>? SeenBy { get; init; }

    /// <summary>A case as a read answers it (GET, WatchCase): with who has it open, its message count and who has seen it.</summary>
    public static CaseResponse ForRead(CaseView view, IEnumerable<UserRef> viewers)
    {
        ArgumentNullException.ThrowIfNull(view);
        return From(view) with
        {
            Viewers = [.. viewers.Select(CaseViewer.From)],
            MessageCount = view.Case.MessageCount,
            SeenBy = [.. (view.SeenBy ?? []).Select(CaseSeenResponse.From)],
        };
    }

    public static CaseResponse From(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Case;
        return new(c.Id, c.Region, c.PatientRef, c.Summary, c.Priority, c.Status, c.Version, c.OwnerId, c.AssigneeId,
            c.Facility, c.CreatedAt, c.UpdatedAt, c.EscalationLevel, c.WaitingSince, view.History, view.AllowedActions);
    }
}
