using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>A case keeps at most 1,000 history entries; its version is its number of entries.</summary>
public sealed class HistoryLimitTests
{
    [Fact]
    public void The_limit_is_1000_entries()
    {
        Assert.Equal(1_000, CaseLifecycle.MaxHistory);
    }

    [Fact]
    public void The_thousandth_entry_is_still_accepted()
    {
        var almostFull = Cases.Open() with { Version = CaseLifecycle.MaxHistory - 1 };

        var decision = Cases.Decide(almostFull, Users.AshaNorth, CaseAction.Forward);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseLifecycle.MaxHistory, decision.Next!.Version);
        Assert.Equal(CaseLifecycle.MaxHistory, decision.Entry!.Version);
    }

    [Fact]
    public void A_further_action_at_MaxHistory_is_refused_with_HistoryFull()
    {
        var full = Cases.Open() with { Version = CaseLifecycle.MaxHistory };

        var decision = Cases.Decide(full, Users.AshaNorth, CaseAction.Forward);

        Assert.Equal(CaseCommandOutcome.HistoryFull, decision.Outcome);
        Assert.Null(decision.Next);
    }

    [Fact]
    public void A_full_case_offers_no_actions()
    {
        var full = Cases.Open() with { Version = CaseLifecycle.MaxHistory };

        Assert.All(Users.All, u => Assert.Empty(CaseLifecycle.AllowedActions(full, u)));
    }

    [Fact]
    public void A_full_case_is_still_hidden_from_strangers()
    {
        var full = Cases.Open() with { Version = CaseLifecycle.MaxHistory };

        Assert.Equal(CaseCommandOutcome.NotFound, Cases.Decide(full, Users.ChwSouth, CaseAction.Forward).Outcome);
    }
}
