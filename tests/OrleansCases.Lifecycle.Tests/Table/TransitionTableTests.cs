using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>
/// The table is data read by the grain, the API and the portals, so its rows are compared one by one with
/// docs/design.md section 2 as written there (who is spelled as parties).
/// </summary>
public sealed class TransitionTableTests
{
    private const CaseParty Owner = CaseParty.Owner;
    private const CaseParty Chw = CaseParty.RegionChw;
    private const CaseParty Assignee = CaseParty.Assignee;
    private const CaseParty Admin = CaseParty.Admin;

    public static TheoryData<CaseAction, CaseStatus[], CaseStatus, CaseParty> DesignRows() => new()
    {
        { CaseAction.Create, [], CaseStatus.Open, CaseParty.RegionAsha | Chw },
        { CaseAction.Forward, [CaseStatus.Open], CaseStatus.ForwardedToClinician, Owner | Chw },
        { CaseAction.Assign, [CaseStatus.ForwardedToClinician], CaseStatus.ForwardedToClinician, Chw | Admin },
        { CaseAction.Claim, [CaseStatus.ForwardedToClinician], CaseStatus.UnderReview, CaseParty.RegionClinician },
        { CaseAction.Release, [CaseStatus.UnderReview], CaseStatus.ForwardedToClinician, Assignee },
        { CaseAction.RequestInfo, [CaseStatus.UnderReview], CaseStatus.NeedsInfo, Assignee },
        { CaseAction.Resubmit, [CaseStatus.NeedsInfo], CaseStatus.UnderReview, Owner | Chw },
        { CaseAction.Refer, [CaseStatus.UnderReview], CaseStatus.Referred, Assignee },
        { CaseAction.Complete, [CaseStatus.UnderReview], CaseStatus.Completed, Assignee },
        { CaseAction.Complete, [CaseStatus.Referred], CaseStatus.Completed, Assignee | Owner | Chw },
        {
            CaseAction.Cancel, [CaseStatus.Open, CaseStatus.ForwardedToClinician, CaseStatus.NeedsInfo], CaseStatus.Cancelled,
            Owner | Chw | Admin
        },
        { CaseAction.Reopen, [CaseStatus.Completed], CaseStatus.UnderReview, Assignee | Admin },
        { CaseAction.Escalate, [CaseStatus.ForwardedToClinician], CaseStatus.ForwardedToClinician, CaseParty.System },
    };

    [Theory]
    [MemberData(nameof(DesignRows))]
    public void Each_row_of_the_design_is_in_the_table(CaseAction action, CaseStatus[] from, CaseStatus to, CaseParty who)
    {
        Assert.Contains(
            TransitionTable.For(action),
            row => row.From.SetEquals(from) && row.To == to && row.Who == who);
    }

    [Fact]
    public void The_table_has_no_row_beyond_the_design()
    {
        Assert.Equal(DesignRows().Count, TransitionTable.Rows.Count);
    }

    [Fact]
    public void Only_claim_carries_the_assignee_only_when_set_rule()
    {
        Assert.Equal([CaseAction.Claim], TransitionTable.Rows.Where(r => r.AssigneeOnlyWhenSet).Select(r => r.Action));
    }

    [Fact]
    public void No_row_leads_out_of_Cancelled_and_only_reopen_leads_out_of_Completed()
    {
        Assert.DoesNotContain(TransitionTable.Rows, r => r.From.Contains(CaseStatus.Cancelled));
        Assert.Equal([CaseAction.Reopen], TransitionTable.Rows.Where(r => r.From.Contains(CaseStatus.Completed)).Select(r => r.Action));
    }
}
