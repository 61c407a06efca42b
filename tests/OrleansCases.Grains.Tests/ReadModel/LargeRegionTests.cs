using System.Diagnostics;
using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Grains.Tests.ReadModel;

/// <summary>
/// A region with 10,000 cases in every status the lists care about. Slow (about a minute here): run apart with
/// <c>--filter Category=Slow</c>, or leave out with <c>Category!=Slow</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LargeRegionTests(MemoryClusterFixture fixture, ITestOutputHelper output) : IClassFixture<MemoryClusterFixture>
{
    private const int Cases = 10_000;
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);
    private readonly Lists _lists = new(fixture.Client);

    [Fact]
    public async Task Every_list_of_a_region_with_ten_thousand_cases_holds_exactly_the_right_cases_newest_first()
    {
        var ashas = Enumerable.Range(0, 10).Select(i => _r.User($"asha{i}", UserRole.Asha)).ToArray();
        var clock = Stopwatch.StartNew();
        var expected = new CaseRecord[Cases];
        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            expected[i] = await BuildCaseAsync(i, ashas[i % ashas.Length]));
        output.WriteLine($"Built {Cases} cases in {clock.Elapsed.TotalSeconds:F1} s");

        // The order every list must follow: by the seq of each case's latest change, newest first.
        var feed = await _lists.FeedAsync(_r.Name, 0);
        var latestSeq = feed.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.Max(e => e.Seq));
        var newestFirst = expected.OrderByDescending(c => latestSeq[c.Id]).ToArray();
        Assert.Equal(expected.Sum(c => c.Version), feed.Count);
        Assert.Equal(Enumerable.Range(1, feed.Count).Select(i => (long)i), feed.Select(e => e.Seq));

        clock.Restart();
        await AssertListAsync(new(_r.Name, CaseListView.Region, Limit: 200), newestFirst);
        await AssertListAsync(new(_r.Name, CaseListView.Queue, Limit: 200), newestFirst.Where(c => c.Status == CaseStatus.ForwardedToClinician));
        await AssertListAsync(
            new(_r.Name, CaseListView.Assignee, _r.Clinician.Id, Limit: 200), newestFirst.Where(c => c.AssigneeId == _r.Clinician.Id));
        await AssertListAsync(new(_r.Name, CaseListView.Owner, ashas[3].Id, Limit: 200), newestFirst.Where(c => c.OwnerId == ashas[3].Id));
        await AssertListAsync(
            new(_r.Name, CaseListView.Region, Status: CaseStatus.Cancelled, Limit: 200), newestFirst.Where(c => c.Status == CaseStatus.Cancelled));
        await AssertListAsync(
            new(_r.Name, CaseListView.Owner, ashas[7].Id, Status: CaseStatus.Open, Priority: CasePriority.Emergency, Limit: 50),
            newestFirst.Where(c => c.OwnerId == ashas[7].Id && c.Status == CaseStatus.Open && c.Priority == CasePriority.Emergency));
        await AssertListAsync(
            new(_r.Name, CaseListView.Region, Status: CaseStatus.UnderReview, Priority: CasePriority.Urgent, Limit: 200),
            newestFirst.Where(c => c.Status == CaseStatus.UnderReview && c.Priority == CasePriority.Urgent));
        output.WriteLine($"Read and checked seven lists in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Creates case <paramref name="i"/> and moves it to a status chosen by its number.</summary>
    private async Task<CaseRecord> BuildCaseAsync(int i, UserRef owner)
    {
        var priority = (CasePriority)(i % 3);
        var id = (await _cases.CreateAsync(owner, priority: priority)).View!.Case.Id;
        var last = (await _cases.Grain(id).GetAsync(owner))!.Case;
        if (i % 5 is 0 or 1)
        {
            var assignTo = i % 10 == 0 ? _r.Clinician : null;
            last = (await _cases.DoAsync(id, owner, CaseAction.Forward, assignTo: assignTo)).Case;
            if (i % 20 == 0)
            {
                last = (await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim)).Case;
            }
        }
        else if (i % 7 == 3)
        {
            last = (await _cases.DoAsync(id, owner, CaseAction.Cancel, reason: "Duplicate")).Case;
        }

        return last;
    }

    private async Task AssertListAsync(CaseListQuery query, IEnumerable<CaseRecord> expected)
    {
        var want = expected.ToArray();
        var got = await _lists.AllAsync(query);
        Assert.NotEmpty(want);
        Assert.Equal(want.Select(c => c.Id), got.Select(c => c.Id));
        Assert.Equal(want, got);
    }
}
