using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// docs/design.md sections 2 to 4 written a second time, independently of <c>TransitionTable</c> and <c>CaseLifecycle</c>,
/// as the oracle of the property tests: a mistake would have to be made twice, the same way, to go unnoticed.
/// </summary>
internal static class DesignModel
{
    public const int MaxHistory = 1_000;

    private delegate bool Who(CaseRecord c, UserRef u);

    private static readonly (CaseAction Action, CaseStatus[] From, CaseStatus To, Who Who)[] _rows =
    [
        (CaseAction.Forward, [CaseStatus.Open], CaseStatus.ForwardedToClinician, (c, u) => IsOwner(c, u) || IsChw(c, u)),
        (CaseAction.Assign, [CaseStatus.ForwardedToClinician], CaseStatus.ForwardedToClinician, (c, u) => IsChw(c, u) || IsAdmin(u)),
        (CaseAction.Claim, [CaseStatus.ForwardedToClinician], CaseStatus.UnderReview,
            (c, u) => IsClinician(c, u) && (c.AssigneeId is null || c.AssigneeId == u.Id)),
        (CaseAction.Release, [CaseStatus.UnderReview], CaseStatus.ForwardedToClinician, IsAssignee),
        (CaseAction.RequestInfo, [CaseStatus.UnderReview], CaseStatus.NeedsInfo, IsAssignee),
        (CaseAction.Resubmit, [CaseStatus.NeedsInfo], CaseStatus.UnderReview, (c, u) => IsOwner(c, u) || IsChw(c, u)),
        (CaseAction.Refer, [CaseStatus.UnderReview], CaseStatus.Referred, IsAssignee),
        (CaseAction.Complete, [CaseStatus.UnderReview], CaseStatus.Completed, IsAssignee),
        (CaseAction.Complete, [CaseStatus.Referred], CaseStatus.Completed, (c, u) => IsAssignee(c, u) || IsOwner(c, u) || IsChw(c, u)),
        (CaseAction.Cancel, [CaseStatus.Open, CaseStatus.ForwardedToClinician, CaseStatus.NeedsInfo], CaseStatus.Cancelled,
            (c, u) => IsOwner(c, u) || IsChw(c, u) || IsAdmin(u)),
        (CaseAction.Reopen, [CaseStatus.Completed], CaseStatus.UnderReview, (c, u) => IsAssignee(c, u) || IsAdmin(u)),
    ];

    /// <summary>What the lifecycle should answer, and when Ok, the status, assignee and facility after it.</summary>
    public sealed record Expectation(CaseCommandOutcome Outcome, CaseStatus? To = null, string? AssigneeId = null, string? Facility = null);

    public static bool MayRead(CaseRecord c, UserRef u) =>
        IsAdmin(u) || IsOwner(c, u) || IsChw(c, u) || IsClinician(c, u);

    public static Expectation Expect(CaseRecord c, CaseActionCommand command)
    {
        var u = command.Actor;
        if (!MayRead(c, u))
        {
            return new(CaseCommandOutcome.NotFound);
        }

        var permitted = _rows.Where(r => r.Action == command.Action && r.Who(c, u)).ToArray();
        if (permitted.Length == 0)
        {
            return new(CaseCommandOutcome.Forbidden);
        }

        var row = permitted.FirstOrDefault(r => r.From.Contains(c.Status));
        if (row.Who is null)
        {
            return new(CaseCommandOutcome.InvalidTransition);
        }

        if (c.Version >= MaxHistory)
        {
            return new(CaseCommandOutcome.HistoryFull);
        }

        if (command.Action is CaseAction.Forward or CaseAction.Assign && command.AssignTo is { } target
            && !(target.Role == UserRole.Clinician && target.Region == c.Region))
        {
            return new(CaseCommandOutcome.Invalid);
        }

        var assignee = command.Action switch
        {
            CaseAction.Forward => command.AssignTo?.Id ?? c.AssigneeId,
            CaseAction.Assign => command.AssignTo?.Id,
            CaseAction.Claim => u.Id,
            CaseAction.Release => null,
            _ => c.AssigneeId,
        };
        var facility = command.Action == CaseAction.Refer ? command.Facility : c.Facility;
        return new(CaseCommandOutcome.Ok, row.To, assignee, facility);
    }

    /// <summary>The actions a valid command of <paramref name="u"/> would get Ok for.</summary>
    public static IEnumerable<CaseAction> Allowed(CaseRecord c, UserRef u) =>
        // Only actions with a row from the current status can be Ok; asking Expect about the others is wasted time.
        _rows.Where(r => r.From.Contains(c.Status)).Select(r => r.Action).Distinct()
            .Where(a => Expect(c, Commands.Valid(u, a)).Outcome == CaseCommandOutcome.Ok);

    private static bool IsOwner(CaseRecord c, UserRef u) => u.Id == c.OwnerId;

    private static bool IsAssignee(CaseRecord c, UserRef u) => c.AssigneeId is not null && u.Id == c.AssigneeId;

    private static bool IsAdmin(UserRef u) => u.Role == UserRole.Admin;

    private static bool IsChw(CaseRecord c, UserRef u) => u.Role == UserRole.Chw && u.Region == c.Region;

    private static bool IsClinician(CaseRecord c, UserRef u) => u.Role == UserRole.Clinician && u.Region == c.Region;
}
