using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Lifecycle;

/// <summary>
/// What a case grain does, whatever stores its state. Run once per storage kind by the classes below.
/// </summary>
public abstract class CaseGrainContract(ClusterFixture fixture)
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task A_case_goes_through_review_request_info_referral_and_completion()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        await _cases.DoAsync(id, _r.Asha, CaseAction.Forward, assignTo: _r.Clinician);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.RequestInfo, note: "Temperature?");
        await _cases.DoAsync(id, _r.Asha, CaseAction.Resubmit, note: "39.5 C");
        var referred = await _cases.DoAsync(id, _r.Clinician, CaseAction.Refer, facility: "District Hospital");
        var done = await _cases.DoAsync(id, _r.Asha, CaseAction.Complete, note: "Admitted");

        Assert.Equal("District Hospital", referred.Case.Facility);
        Assert.Equal(CaseStatus.Completed, done.Case.Status);
        Assert.Equal(7, done.Case.Version);
        Assert.Equal(
            [CaseAction.Create, CaseAction.Forward, CaseAction.Claim, CaseAction.RequestInfo, CaseAction.Resubmit, CaseAction.Refer, CaseAction.Complete],
            done.History.Select(h => h.Action));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], done.History.Select(h => h.Version));
        Assert.Equal("Temperature?", done.History[3].Note);
        Assert.Equal(_r.Clinician.Id, done.Case.AssigneeId);
    }

    [Fact]
    public async Task A_case_is_assigned_unassigned_claimed_released_completed_and_reopened()
    {
        var id = await _cases.CreatedAsync(_r.Chw);
        await _cases.DoAsync(id, _r.Chw, CaseAction.Forward);
        var assigned = await _cases.DoAsync(id, _r.Chw, CaseAction.Assign, assignTo: _r.Clinician2);
        var cleared = await _cases.DoAsync(id, Region.Admin, CaseAction.Assign);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        var released = await _cases.DoAsync(id, _r.Clinician, CaseAction.Release, note: "Off shift");
        await _cases.DoAsync(id, _r.Clinician2, CaseAction.Claim);
        await _cases.DoAsync(id, _r.Clinician2, CaseAction.Complete);
        var reopened = await _cases.DoAsync(id, Region.Admin, CaseAction.Reopen, reason: "Lab result came back");

        Assert.Equal(_r.Clinician2.Id, assigned.Case.AssigneeId);
        Assert.Null(cleared.Case.AssigneeId);
        Assert.Null(released.Case.AssigneeId);
        Assert.Equal(CaseStatus.ForwardedToClinician, released.Case.Status);
        Assert.Equal(CaseStatus.UnderReview, reopened.Case.Status);
        Assert.Equal(_r.Clinician2.Id, reopened.Case.AssigneeId);
        Assert.Equal(9, reopened.History.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_case_can_be_cancelled_while_open_forwarded_or_waiting_for_information(int stepsBeforeCancel)
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        if (stepsBeforeCancel >= 1)
        {
            await _cases.DoAsync(id, _r.Asha, CaseAction.Forward);
        }

        if (stepsBeforeCancel >= 2)
        {
            await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
            await _cases.DoAsync(id, _r.Clinician, CaseAction.RequestInfo, note: "Weight?");
        }

        var cancelled = await _cases.DoAsync(id, _r.Asha, CaseAction.Cancel, reason: "Patient moved away");
        var after = await _cases.ActAsync(id, _r.Chw, CaseAction.Resubmit, note: "too late");

        Assert.Equal(CaseStatus.Cancelled, cancelled.Case.Status);
        Assert.Empty(cancelled.AllowedActions);
        Assert.Equal(CaseCommandOutcome.InvalidTransition, after.Outcome);
    }

    [Fact]
    public async Task A_role_that_may_never_do_an_action_is_forbidden_and_nothing_changes()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        await _cases.DoAsync(id, _r.Asha, CaseAction.Forward);

        var result = await _cases.ActAsync(id, _r.Chw, CaseAction.Claim);

        Assert.Equal(CaseCommandOutcome.Forbidden, result.Outcome);
        var unchanged = await _cases.Grain(id).GetAsync(_r.Chw);
        Assert.Equal(2, unchanged!.Case.Version);
        Assert.Equal(CaseStatus.ForwardedToClinician, unchanged.Case.Status);
    }

    [Fact]
    public async Task Only_the_assignee_may_claim_an_assigned_case()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        await _cases.DoAsync(id, _r.Asha, CaseAction.Forward, assignTo: _r.Clinician2);

        var other = await _cases.ActAsync(id, _r.Clinician, CaseAction.Claim);
        var assignee = await _cases.ActAsync(id, _r.Clinician2, CaseAction.Claim);

        Assert.Equal(CaseCommandOutcome.Forbidden, other.Outcome);
        Assert.Equal(CaseCommandOutcome.Ok, assignee.Outcome);
    }

    [Fact]
    public async Task Users_of_another_region_get_not_found_for_reads_and_actions()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        var elsewhere = new Region();

        Assert.Null(await _cases.Grain(id).GetAsync(elsewhere.Chw));
        Assert.Null(await _cases.Grain(id).GetAsync(_r.Asha2));
        var act = await _cases.ActAsync(id, elsewhere.Chw, CaseAction.Cancel, reason: "not mine");
        Assert.Equal(CaseCommandOutcome.NotFound, act.Outcome);
        Assert.Equal(1, (await _cases.Grain(id).GetAsync(_r.Asha))!.Case.Version);
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_and_is_not_created_by_asking()
    {
        var id = CaseIds.ForCreate("nobody", CaseDriver.NewCommandId());

        var act = await _cases.ActAsync(id, Region.Admin, CaseAction.Cancel, reason: "x");

        Assert.Equal(CaseCommandOutcome.NotFound, act.Outcome);
        Assert.Null(await _cases.Grain(id).GetAsync(Region.Admin));
    }

    [Fact]
    public async Task An_action_from_the_wrong_status_answers_the_status_and_the_allowed_actions()
    {
        var id = await _cases.CreatedAsync(_r.Asha);

        var result = await _cases.ActAsync(id, _r.Asha, CaseAction.Resubmit, note: "answer");

        Assert.Equal(CaseCommandOutcome.InvalidTransition, result.Outcome);
        Assert.Equal(CaseStatus.Open, result.CurrentStatus);
        Assert.Equal([CaseAction.Forward, CaseAction.Cancel], result.AllowedActions);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_that_changes_nothing()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        await _cases.DoAsync(id, _r.Asha, CaseAction.Forward);

        var result = await _cases.ActAsync(id, _r.Clinician, CaseAction.Claim, expectedVersion: 1);

        Assert.Equal(CaseCommandOutcome.VersionConflict, result.Outcome);
        Assert.Equal(2, result.CurrentVersion);
        var view = await _cases.Grain(id).GetAsync(_r.Clinician);
        Assert.Equal(CaseStatus.ForwardedToClinician, view!.Case.Status);
        Assert.Null(view.Case.AssigneeId);
    }

    [Fact]
    public async Task Invalid_input_is_refused_before_anything_else_and_changes_nothing()
    {
        var id = await _cases.CreatedAsync(_r.Asha);

        var noQuestion = await _cases.ActAsync(id, _r.Asha, CaseAction.RequestInfo);
        var tooLong = await _cases.ActAsync(id, _r.Asha, CaseAction.Cancel, reason: new string('x', 1_001));
        var badCreate = await _cases.CreateAsync(_r.Asha, patientRef: "no spaces allowed");

        Assert.Equal(CaseCommandOutcome.Invalid, noQuestion.Outcome);
        Assert.Contains("note", noQuestion.Errors!.Keys);
        Assert.Equal(CaseCommandOutcome.Invalid, tooLong.Outcome);
        Assert.Contains("patientRef", badCreate.Errors!.Keys);
        Assert.Equal(1, (await _cases.Grain(id).GetAsync(_r.Asha))!.Case.Version);
    }

    [Fact]
    public async Task Assigning_someone_who_is_not_a_clinician_of_the_region_is_invalid()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        var elsewhere = new Region();

        var result = await _cases.ActAsync(id, _r.Asha, CaseAction.Forward, assignTo: elsewhere.Clinician);

        Assert.Equal(CaseCommandOutcome.Invalid, result.Outcome);
        Assert.Equal(CaseStatus.Open, (await _cases.Grain(id).GetAsync(_r.Asha))!.Case.Status);
    }

    [Fact]
    public async Task Only_ashas_and_chws_may_open_cases()
    {
        var byClinician = await _cases.CreateAsync(_r.Clinician);
        var byAdmin = await _cases.CreateAsync(Region.Admin);

        Assert.Equal(CaseCommandOutcome.Forbidden, byClinician.Outcome);
        Assert.Equal(CaseCommandOutcome.Forbidden, byAdmin.Outcome);
    }

    [Fact]
    public async Task A_repeated_command_answers_as_the_first_time_and_takes_effect_once()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        var commandId = CaseDriver.NewCommandId();
        var first = await _cases.ActAsync(id, _r.Asha, CaseAction.Forward, note: "please look", commandId: commandId);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);

        var again = await _cases.ActAsync(id, _r.Asha, CaseAction.Forward, note: "please look", commandId: commandId);

        Assert.True(again.Replayed);
        Assert.Equal(first.View!.Case, again.View!.Case);
        Assert.Equal(first.View.History, again.View.History);
        Assert.Equal(first.View.AllowedActions, again.View.AllowedActions);
        var now = await _cases.Grain(id).GetAsync(_r.Asha);
        Assert.Equal(3, now!.Case.Version);
        Assert.Single(now.History, h => h.Action == CaseAction.Forward);
    }

    [Fact]
    public async Task A_repeated_create_answers_the_same_case_and_makes_no_second_one()
    {
        var commandId = CaseDriver.NewCommandId();
        var first = await _cases.CreateAsync(_r.Asha, commandId);

        var again = await _cases.CreateAsync(_r.Asha, commandId);
        var otherCaller = await _cases.CreateAsync(_r.Asha2, commandId);

        Assert.Equal(first.View!.Case, again.View!.Case);
        Assert.True(again.Replayed);
        Assert.NotEqual(first.View.Case.Id, otherCaller.View!.Case.Id);
        Assert.Single(again.View.History);
    }

    [Fact]
    public async Task The_same_command_id_from_another_caller_is_a_new_command()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        await _cases.DoAsync(id, _r.Asha, CaseAction.Forward);
        var commandId = CaseDriver.NewCommandId();
        await _cases.ActAsync(id, _r.Chw, CaseAction.Assign, assignTo: _r.Clinician, commandId: commandId);

        var byAdmin = await _cases.ActAsync(id, Region.Admin, CaseAction.Assign, assignTo: _r.Clinician2, commandId: commandId);

        Assert.False(byAdmin.Replayed);
        Assert.Equal(_r.Clinician2.Id, byAdmin.View!.Case.AssigneeId);
        Assert.Equal(4, byAdmin.View.Case.Version);
    }

    [Fact]
    public async Task Fifty_concurrent_commands_with_expected_versions_win_once_per_version()
    {
        var id = await _cases.CreatedAsync(_r.Chw);
        await _cases.DoAsync(id, _r.Chw, CaseAction.Forward);
        UserRef[] clinicians = [_r.Clinician, _r.Clinician2];

        // Ten commands expect each of versions 2..6; all fifty race at once.
        var commands = Enumerable.Range(0, 50).Select(i => (Expected: 2 + (i % 5), Assignee: clinicians[i % 2])).ToArray();
        var results = await Task.WhenAll(commands.Select(c =>
            _cases.ActAsync(id, _r.Chw, CaseAction.Assign, assignTo: c.Assignee, expectedVersion: c.Expected)));

        var winners = commands.Zip(results).Where(p => p.Second.Succeeded).ToArray();
        Assert.All(results, r => Assert.True(r.Outcome is CaseCommandOutcome.Ok or CaseCommandOutcome.VersionConflict));
        Assert.All(winners.GroupBy(w => w.First.Expected), g => Assert.Single(g));
        Assert.Contains(winners, w => w.First.Expected == 2);
        Assert.All(winners, w => Assert.Equal(w.First.Expected + 1, w.Second.View!.Case.Version));
        var final = await _cases.Grain(id).GetAsync(_r.Chw);
        Assert.Equal(2 + winners.Length, final!.Case.Version);
        Assert.Equal(Enumerable.Range(1, final.Case.Version), final.History.Select(h => h.Version));
    }
}

[Trait("Category", "Grains")]
public sealed class CaseGrainOnMemoryStorageTests(MemoryClusterFixture fixture)
    : CaseGrainContract(fixture), IClassFixture<MemoryClusterFixture>;

[Trait("Category", "Grains")]
public sealed class CaseGrainOnAzureTableStorageTests(AzureClusterFixture fixture)
    : CaseGrainContract(fixture), IClassFixture<AzureClusterFixture>;
