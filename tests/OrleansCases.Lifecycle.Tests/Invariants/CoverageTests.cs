using FsCheck.Fluent;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// The properties are only as good as the sequences they see: a generator stuck at Open would pass them all. This
/// samples as many scenarios as a property run does and checks they reach every status, every row of the table and
/// every kind of refusal.
/// </summary>
public sealed class CoverageTests
{
    [Fact]
    public void Generated_sequences_reach_every_status_row_and_outcome()
    {
        var traces = ScenarioArbitrary.Generator.Sample(ScenarioArbitrary.SequencesPerRun).Select(Trace.Run).ToArray();
        var applied = traces.SelectMany(t => t.AppliedSteps).ToArray();

        Assert.Equal(
            Enum.GetValues<CaseStatus>(),
            traces.SelectMany(t => t.States).Select(c => c.Status).Distinct().Order());
        Assert.All(
            // Users' rows only: the system's (escalate) is decided by DecideEscalation, never by a user (EscalateTests).
            TransitionTable.Rows.Where(r => r.Action != CaseAction.Create && r.Who != CaseParty.System),
            row => Assert.Contains(applied, s => s.Command.Action == row.Action && row.From.Contains(s.Before.Status)));
        Assert.Equal(
            Enum.GetValues<CaseCommandOutcome>().Where(o => o != CaseCommandOutcome.VersionConflict),
            traces.SelectMany(t => t.Steps).Select(s => s.Decision.Outcome).Distinct().Order());
        Assert.Contains(traces, t => t.Created.Outcome == CaseCommandOutcome.Forbidden);
        Assert.Contains(applied, s => s.Command.Action == CaseAction.Claim && s.Before.AssigneeId is not null);
        Assert.Contains(applied, s => s.Command.Action == CaseAction.Assign && s.Command.AssignTo is null);
        Assert.Contains(traces.SelectMany(t => t.Steps), s => s.InputErrors.Count > 0 && s.Decision.Outcome == CaseCommandOutcome.Ok);
    }
}
