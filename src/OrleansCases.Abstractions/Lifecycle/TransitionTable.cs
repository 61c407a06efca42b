using System.Collections.Frozen;

namespace OrleansCases.Abstractions.Lifecycle;

/// <summary>
/// The case lifecycle of docs/design.md section 2, as data in one place: the grain decides with it, the API lists
/// allowed actions from it, the portals read it. Create is listed for completeness; it has no "from".
/// </summary>
public static class TransitionTable
{
    private const CaseParty OwnerOrChw = CaseParty.Owner | CaseParty.RegionChw;

    public static IReadOnlyList<Transition> Rows { get; } =
    [
        new(CaseAction.Create, From(), CaseStatus.Open, CaseParty.RegionAsha | CaseParty.RegionChw),
        new(CaseAction.Forward, From(CaseStatus.Open), CaseStatus.ForwardedToClinician, OwnerOrChw,
            Fields: CaseFields.AssignTo | CaseFields.Note, Assignee: AssigneeEffect.FromInput),
        new(CaseAction.Assign, From(CaseStatus.ForwardedToClinician), CaseStatus.ForwardedToClinician,
            CaseParty.RegionChw | CaseParty.Admin, Fields: CaseFields.AssignTo | CaseFields.Note,
            Assignee: AssigneeEffect.FromInput),
        new(CaseAction.Claim, From(CaseStatus.ForwardedToClinician), CaseStatus.UnderReview, CaseParty.RegionClinician,
            Fields: CaseFields.Note, Assignee: AssigneeEffect.Actor, AssigneeOnlyWhenSet: true),
        new(CaseAction.Release, From(CaseStatus.UnderReview), CaseStatus.ForwardedToClinician, CaseParty.Assignee,
            Fields: CaseFields.Note, Assignee: AssigneeEffect.Clear),
        new(CaseAction.RequestInfo, From(CaseStatus.UnderReview), CaseStatus.NeedsInfo, CaseParty.Assignee,
            Fields: CaseFields.Note, Requires: CaseFields.Note),
        new(CaseAction.Resubmit, From(CaseStatus.NeedsInfo), CaseStatus.UnderReview, OwnerOrChw,
            Fields: CaseFields.Note, Requires: CaseFields.Note),
        new(CaseAction.Refer, From(CaseStatus.UnderReview), CaseStatus.Referred, CaseParty.Assignee,
            Fields: CaseFields.Facility | CaseFields.Note, Requires: CaseFields.Facility),
        new(CaseAction.Complete, From(CaseStatus.UnderReview), CaseStatus.Completed, CaseParty.Assignee,
            Fields: CaseFields.Note),
        new(CaseAction.Complete, From(CaseStatus.Referred), CaseStatus.Completed, CaseParty.Assignee | OwnerOrChw,
            Fields: CaseFields.Note),
        new(CaseAction.Cancel, From(CaseStatus.Open, CaseStatus.ForwardedToClinician, CaseStatus.NeedsInfo),
            CaseStatus.Cancelled, OwnerOrChw | CaseParty.Admin, Fields: CaseFields.Reason, Requires: CaseFields.Reason),
        new(CaseAction.Reopen, From(CaseStatus.Completed), CaseStatus.UnderReview, CaseParty.Assignee | CaseParty.Admin,
            Fields: CaseFields.Reason, Requires: CaseFields.Reason),
        new(CaseAction.Escalate, From(CaseStatus.ForwardedToClinician), CaseStatus.ForwardedToClinician, CaseParty.System),
    ];

    private static readonly FrozenDictionary<CaseAction, Transition[]> _byAction =
        Rows.GroupBy(r => r.Action).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The rows of one action (complete has two).</summary>
    public static IReadOnlyList<Transition> For(CaseAction action) =>
        _byAction.TryGetValue(action, out var rows) ? rows : [];

    private static FrozenSet<CaseStatus> From(params CaseStatus[] statuses) => statuses.ToFrozenSet();
}
