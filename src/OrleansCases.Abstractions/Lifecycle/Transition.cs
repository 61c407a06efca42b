namespace OrleansCases.Abstractions.Lifecycle;

/// <summary>
/// One row of the lifecycle table: <see cref="Action"/> takes a case from any of <see cref="From"/> to
/// <see cref="To"/> when performed by one of <see cref="Who"/>.
/// <see cref="AssigneeOnlyWhenSet"/> is claim's rule: when the case has an assignee, only that user may do it.
/// </summary>
public sealed record Transition(
    CaseAction Action,
    IReadOnlySet<CaseStatus> From,
    CaseStatus To,
    CaseParty Who,
    CaseFields Fields = CaseFields.None,
    CaseFields Requires = CaseFields.None,
    AssigneeEffect Assignee = AssigneeEffect.Keep,
    bool AssigneeOnlyWhenSet = false)
{
    public bool Accepts(CaseFields field) => (Fields & field) == field;
}
