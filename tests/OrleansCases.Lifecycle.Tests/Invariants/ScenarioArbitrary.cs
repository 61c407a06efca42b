using FsCheck;
using FsCheck.Fluent;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>Random <see cref="Scenario"/>s for FsCheck, with a shrinker that drops steps to reach a short counterexample.</summary>
public static class ScenarioArbitrary
{
    /// <summary>Random sequences checked per property and run: at least 1,000, so rare interleavings get a chance.</summary>
    public const int SequencesPerRun = 1_000;

    public const int MaxSteps = 40;

    public static Arbitrary<Scenario> Scenarios() => Arb.From(Generator, Shrink);

    public static Gen<Scenario> Generator { get; } =
        from users in UsersGen()
        from creator in Gen.Frequency(
            (9, Gen.Elements(Enumerable.Range(0, users.Count).Where(i => users[i].Role is UserRole.Asha or UserRole.Chw).ToArray())),
            (1, Gen.Choose(0, users.Count - 1)))
        from priority in Gen.Elements(Enum.GetValues<CasePriority>())
        // Mostly fresh cases; sometimes one within five versions of the history limit, so HistoryFull is reached in
        // most such runs (the coverage test needs it in every sample of 1,000 runs, not just now and then).
        from startVersion in Gen.Frequency((9, Gen.Constant(1)), (1, Gen.Choose(CaseLifecycle.MaxHistory - 5, CaseLifecycle.MaxHistory)))
        from length in Gen.Choose(0, MaxSteps)
        // Each step is read from a few dice by StepFromDice: one array generator per sequence instead of nine composed
        // generators per step makes generation about ten times cheaper, which keeps 1,000 sequences per property fast.
        from dice in Gen.Choose(0, 999).ArrayOf(length * DicePerStep)
        select new Scenario(users, creator, priority, startVersion, Enumerable.Range(0, length).Select(i => StepFromDice(dice, i)).ToArray());

    private static Gen<IReadOnlyList<UserRef>> UsersGen() =>
        from north in RegionUsers("north")
        from south in RegionUsers("south")
        from admins in Gen.Choose(0, 1)
        select (IReadOnlyList<UserRef>)[.. north, .. south, .. Enumerable.Range(1, admins).Select(i => new UserRef(Id: $"admin{i}", Name: $"Admin {i}", Role: UserRole.Admin, Region: null))];

    private static Gen<UserRef[]> RegionUsers(string region)
    {
        return
            from ashas in Gen.Choose(1, 2)
            from chws in Gen.Choose(0, 2)
            from clinicians in Gen.Choose(0, 3)
            select Make("asha", UserRole.Asha, ashas)
                .Concat(Make("chw", UserRole.Chw, chws))
                .Concat(Make("clinician", UserRole.Clinician, clinicians))
                .ToArray();

        IEnumerable<UserRef> Make(string role, UserRole userRole, int count) =>
            Enumerable.Range(1, count).Select(i => new UserRef(Id: $"{role}{i}.{region}", Name: $"{role} {i} {region}", Role: userRole, Region: region));
    }

    private const int DicePerStep = 8;

    private static readonly string?[] _texts = ["Fever since Monday.", "Is the child eating?", "Referred for X-ray."];

    private static ScenarioStep StepFromDice(int[] dice, int index)
    {
        var d = dice.AsSpan(index * DicePerStep, DicePerStep);
        return new ScenarioStep(
            User: d[0] % 100,
            // One step in twenty asks for create or an undefined action, which the lifecycle must refuse calmly.
            Action: d[1] < 950 ? Commands.OnExistingCase[d[1] % Commands.OnExistingCase.Count] : d[1] % 2 == 0 ? CaseAction.Create : (CaseAction)77,
            Note: Text(d[2], 1_000),
            Reason: Text(d[3], 1_000),
            Facility: Text(d[4], 200),
            AssignTo: d[5] < 333 ? null : d[5] % 100,
            Guided: d[6] < 500,
            Pick: d[7]);
    }

    // Absent half of the time, sometimes blank or one character over the limit, so validation refusals occur too.
    private static string? Text(int die, int maxLength) => die switch
    {
        < 500 => null,
        < 580 => "",
        < 660 => "   ",
        < 920 => _texts[die % _texts.Length],
        _ => new string('x', maxLength + 1),
    };

    private static IEnumerable<Scenario> Shrink(Scenario scenario)
    {
        var steps = scenario.Steps;
        if (steps.Count == 0)
        {
            yield break;
        }

        yield return scenario with { Steps = [] };
        yield return scenario with { Steps = steps.Take(steps.Count / 2).ToArray() };
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            yield return scenario with { Steps = steps.Where((_, j) => j != i).ToArray() };
        }
    }
}
