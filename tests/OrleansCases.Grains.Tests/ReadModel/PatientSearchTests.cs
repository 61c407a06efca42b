using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.ReadModel;

/// <summary>The patient index (issue 12): a search by patient reference is a range read of the region's partition.</summary>
[Trait("Category", "Grains")]
public sealed class PatientSearchTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);
    private readonly Lists _lists = new(fixture.Client);

    [Fact]
    public async Task A_search_finds_references_by_prefix_in_any_case_exact_ones_first_each_case_once()
    {
        var exact = await CreateAsync(_r.Asha, "P-7");
        var longer = await CreateAsync(_r.Asha2, "p-70");
        var other = await CreateAsync(_r.Asha, "Q-7");
        // Changes move a case's row in the index; it must be found once, as it is now.
        await _cases.DoAsync(exact, _r.Asha, CaseAction.Forward);
        await _cases.DoAsync(exact, _r.Clinician, CaseAction.Claim);

        var found = await _lists.AllAsync(Search("p-7"));
        var narrower = await _lists.AllAsync(Search("P-70"));

        Assert.Equal([exact, longer], found.Select(c => c.Id));
        Assert.Equal(CaseStatus.UnderReview, found[0].Status);
        Assert.Equal([longer], narrower.Select(c => c.Id));
        Assert.DoesNotContain(other, found.Select(c => c.Id));
        Assert.Empty(await _lists.AllAsync(Search("P-71")));
    }

    [Fact]
    public async Task An_ashas_search_finds_only_her_own_cases_and_filters_apply()
    {
        var hers = await CreateAsync(_r.Asha, "R-5", CasePriority.Urgent);
        await CreateAsync(_r.Asha2, "R-5");
        var hersRoutine = await CreateAsync(_r.Asha, "R-55");

        var mine = await _lists.AllAsync(Search("R-5") with { UserId = _r.Asha.Id });
        var urgent = await _lists.AllAsync(Search("R-5") with { UserId = _r.Asha.Id, Priority = CasePriority.Urgent });

        Assert.Equal([hers, hersRoutine], mine.Select(c => c.Id));
        Assert.Equal([hers], urgent.Select(c => c.Id));
        Assert.Equal(3, (await _lists.AllAsync(Search("R-5"))).Count);
    }

    [Fact]
    public async Task Search_pages_follow_each_other_without_gaps_or_repeats()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await CreateAsync(_r.Asha, "S-1"));
        }

        var seen = new List<string>();
        for (string? after = null; ;)
        {
            var page = await _lists.PageAsync(Search("S-1") with { Limit = 2, After = after });
            seen.AddRange(page.Items.Select(c => c.Id));
            if ((after = page.Next) is null)
            {
                break;
            }
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
    }

    private CaseListQuery Search(string patient) => new(_r.Name, CaseListView.Patient, Patient: patient);

    private async Task<string> CreateAsync(UserRef owner, string patientRef, CasePriority priority = CasePriority.Routine)
    {
        var result = await _cases.CreateAsync(owner, priority: priority, patientRef: patientRef);
        Assert.Equal(CaseCommandOutcome.Ok, result.Outcome);
        return result.View!.Case.Id;
    }
}
