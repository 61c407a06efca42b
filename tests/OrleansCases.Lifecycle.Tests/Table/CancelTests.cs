using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "cancel": Open, ForwardedToClinician or NeedsInfo to Cancelled, by owner, chw of the region or admin.</summary>
public sealed class CancelTests
{
    public static TheoryData<string, string> CancellableCasesAndUsers()
    {
        var data = new TheoryData<string, string>();
        foreach (var status in new[] { "open", "forwarded", "needs-info" })
        {
            foreach (var user in new[] { "asha.north", "chw.north", "admin" })
            {
                data.Add(status, user);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CancellableCasesAndUsers))]
    public void Owner_chw_of_the_region_and_admin_may_cancel_before_review_or_while_waiting_for_info(string state, string userId)
    {
        var decision = Cases.Decide(CaseIn(state), Users.ById(userId), CaseAction.Cancel);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.Cancelled, decision.Next!.Status);
        Assert.Equal(Commands.Reason, decision.Entry!.Note);
    }

    [Theory]
    [InlineData("clinician.north", CaseCommandOutcome.Forbidden)]
    [InlineData("asha2.north", CaseCommandOutcome.NotFound)]
    [InlineData("clinician.south", CaseCommandOutcome.NotFound)]
    public void Nobody_else_may_cancel(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.Open(), Users.ById(userId), CaseAction.Cancel);

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void The_assignee_may_not_cancel_a_case_waiting_for_info()
    {
        var decision = Cases.Decide(Cases.NeedsInfo(), Users.ClinicianNorth, CaseAction.Cancel);

        Assert.Equal(CaseCommandOutcome.Forbidden, decision.Outcome);
    }

    [Fact]
    public void A_case_under_review_may_not_be_cancelled()
    {
        var decision = Cases.Decide(Cases.UnderReview(), Users.AshaNorth, CaseAction.Cancel);

        Assert.Equal(CaseCommandOutcome.InvalidTransition, decision.Outcome);
    }

    [Fact]
    public void Cancelled_is_final()
    {
        var cancelled = Cases.Cancelled();

        foreach (var user in Users.All)
        {
            Assert.Empty(CaseLifecycle.AllowedActions(cancelled, user));
            foreach (var action in Commands.OnExistingCase)
            {
                Assert.NotEqual(CaseCommandOutcome.Ok, Cases.Decide(cancelled, user, action, Users.ClinicianNorth).Outcome);
            }
        }
    }

    private static CaseRecord CaseIn(string state) => state switch
    {
        "open" => Cases.Open(),
        "forwarded" => Cases.Forwarded(),
        _ => Cases.NeedsInfo(),
    };
}
