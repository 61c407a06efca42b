using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>One command of a run: the case before and after it, the input check's errors and the lifecycle's decision.</summary>
public sealed record TraceStep(
    int Index,
    CaseRecord Before,
    CaseActionCommand Command,
    IReadOnlyDictionary<string, string[]> InputErrors,
    Decision Decision,
    CaseRecord After)
{
    /// <summary>As the grain does: a command reaches the case only when its input is valid and the lifecycle says Ok.</summary>
    public bool Applied => InputErrors.Count == 0 && Decision.Outcome == CaseCommandOutcome.Ok;
}

/// <summary>A <see cref="Scenario"/> played through <see cref="CaseLifecycle"/>, with everything the properties look at.</summary>
public sealed class Trace
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private Trace(Scenario scenario, Decision created, IReadOnlyList<TraceStep> steps, IReadOnlyList<CaseHistoryEntry> history)
    {
        Scenario = scenario;
        Created = created;
        Steps = steps;
        History = history;
    }

    public Scenario Scenario { get; }

    public Decision Created { get; }

    public IReadOnlyList<TraceStep> Steps { get; }

    /// <summary>The entries appended during the run (the create entry first when the case started at version 1).</summary>
    public IReadOnlyList<CaseHistoryEntry> History { get; }

    public IEnumerable<TraceStep> AppliedSteps => Steps.Where(s => s.Applied);

    /// <summary>Every state the case was in, each once (a refused step leaves the state as it was), the first included.</summary>
    public IEnumerable<CaseRecord> States => Created.Next is { } first ? AppliedSteps.Select(s => s.After).Prepend(first) : [];

    public static Trace Run(Scenario scenario)
    {
        var creator = scenario.UserAt(scenario.Creator);
        var create = new CreateCaseCommand("create-1", creator, PatientRef: "PAT-1", Summary: "Cough for two weeks.", Priority: scenario.Priority);
        var created = CaseLifecycle.DecideCreate(CaseIds.ForCreate(creator.Id, create.CommandId), create, Start);
        var history = new List<CaseHistoryEntry>();
        var steps = new List<TraceStep>();
        if (created.Outcome != CaseCommandOutcome.Ok)
        {
            return new Trace(scenario, created, steps, history);
        }

        var current = created.Next!;
        if (scenario.StartVersion == 1)
        {
            history.Add(created.Entry!);
        }
        else
        {
            // Stands for a case that already went through StartVersion - 1 transitions before this run.
            current = current with { Version = scenario.StartVersion };
            created = created with { Next = current };
        }

        var candidates = Candidates(scenario, current);
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var command = Resolve(scenario, scenario.Steps[i], candidates, i);
            var errors = CaseInputRules.Validate(command);
            var decision = CaseLifecycle.Decide(current, command, Start.AddMinutes(i + 1));
            var step = new TraceStep(i, current, command, errors, decision, current);
            if (step.Applied)
            {
                step = step with { After = decision.Next! };
                history.Add(decision.Entry!);
                current = decision.Next!;
                candidates = Candidates(scenario, current);
            }

            steps.Add(step);
        }

        return new Trace(scenario, created, steps, history);
    }

    // Worked out once per state rather than per step: most steps are refused and leave the state as it was.
    private static (UserRef User, CaseAction Action)[] Candidates(Scenario scenario, CaseRecord current) =>
        scenario.Users.SelectMany(u => DesignModel.Allowed(current, u).Select(action => (u, action))).ToArray();

    private static CaseActionCommand Resolve(
        Scenario scenario, ScenarioStep step, (UserRef User, CaseAction Action)[] candidates, int index)
    {
        var commandId = $"cmd-{index}";
        var assignTo = step.AssignTo is { } a ? scenario.UserAt(a) : null;
        if (step.Guided && candidates.Length > 0)
        {
            var (user, action) = candidates[step.Pick % candidates.Length];
            return Commands.Valid(user, action, assignTo, commandId);
        }

        return new CaseActionCommand(
            commandId, scenario.UserAt(step.User), step.Action, Note: step.Note, Reason: step.Reason, AssignTo: assignTo, Facility: step.Facility);
    }
}
