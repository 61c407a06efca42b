using OrleansCases.Abstractions.Reads;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Reads;

/// <summary>
/// The read audit and seen receipts in the case grain (docs/design.md section 10), on the cluster of short timers: reads
/// are recorded without a version, a clinician is seen once, and the region's sweep removes reads past their retention.
/// </summary>
[Trait("Category", "Grains")]
[Collection(ShortTimersGroup.Name)]
public sealed class ReadAuditTests(ShortTimersClusterFixture fixture)
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task Reads_are_audited_and_a_clinician_seen_once_without_a_new_version_or_feed_row()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        var grain = _cases.Grain(id);

        // A page filling in a toast for another clinician: audited, but not their "seen".
        await grain.ReadAsync(_r.Clinician2, ReadChannel.Api, opened: false);
        await grain.ReadAsync(_r.Clinician, ReadChannel.Api, opened: true);
        var second = await grain.ReadAsync(_r.Clinician, ReadChannel.Hub, opened: true);
        await grain.ReadAsync(_r.Chw, ReadChannel.Api, opened: true);
        var audit = await grain.ReadAuditAsync(Region.Admin, cursor: null, limit: 10);

        Assert.Equal(ReadAuditOutcome.Ok, audit.Outcome);
        Assert.Equal(
            [(_r.Chw.Id, ReadChannel.Api), (_r.Clinician.Id, ReadChannel.Hub), (_r.Clinician.Id, ReadChannel.Api), (_r.Clinician2.Id, ReadChannel.Api)],
            audit.Items.Select(r => (r.UserId, r.Via)));
        Assert.Equal([_r.Clinician.Id], second!.SeenBy!.Select(s => s.UserId));
        Assert.Equal(audit.Items[^2].At, second.SeenBy![0].At);
        Assert.Equal(1, (await grain.GetAsync(_r.Chw))!.Case.Version);
        Assert.Single(await new Lists(fixture.Client).FeedAsync(_r.Name, 0));
    }

    [Fact]
    public async Task The_regions_sweep_removes_reads_past_their_retention_and_keeps_the_seen_receipt()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        var grain = _cases.Grain(id);
        await grain.ReadAsync(_r.Clinician, ReadChannel.Api, opened: true);

        // The sweep is a reminder's tick that publishes nothing: await its log line for this region.
        await fixture.Log.WaitForAsync(
            "AuditSwept", v => Equals(v.GetValueOrDefault("Region"), _r.Name) && v.GetValueOrDefault("Count") is int and > 0, TimeSpan.FromSeconds(30));
        Assert.Empty((await grain.ReadAuditAsync(Region.Admin, null, 10)).Items);

        var later = await grain.ReadAsync(_r.Chw, ReadChannel.Hub, opened: true);
        Assert.Equal([_r.Chw.Id], (await grain.ReadAuditAsync(Region.Admin, null, 10)).Items.Select(r => r.UserId));
        Assert.Equal([_r.Clinician.Id], later!.SeenBy!.Select(s => s.UserId));
    }
}
