using OrleansCases.Abstractions;

namespace OrleansCases.Lifecycle.Tests.Support;

/// <summary>
/// Commands that pass <see cref="CaseInputRules"/>: the required fields of docs/design.md section 2 are filled from this
/// file's own reading of the design, not from the transition table, so a wrong table cannot hide behind its own data.
/// </summary>
internal static class Commands
{
    public const string Note = "Patient reports fever for three days.";
    public const string Reason = "Duplicate of an earlier case.";
    public const string Facility = "District Hospital North";

    /// <summary>
    /// The actions of an existing case, in the order of the design table; escalate last, the system's own, which every
    /// user asking for it must be refused.
    /// </summary>
    public static IReadOnlyList<CaseAction> OnExistingCase { get; } =
    [
        CaseAction.Forward, CaseAction.Assign, CaseAction.Claim, CaseAction.Release, CaseAction.RequestInfo,
        CaseAction.Resubmit, CaseAction.Refer, CaseAction.Complete, CaseAction.Cancel, CaseAction.Reopen,
        CaseAction.Escalate,
    ];

    public static CaseActionCommand Valid(UserRef actor, CaseAction action, UserRef? assignTo = null, string commandId = "cmd-1") =>
        new(
            commandId,
            actor,
            action,
            Note: action is CaseAction.RequestInfo or CaseAction.Resubmit ? Note : null,
            Reason: action is CaseAction.Cancel or CaseAction.Reopen ? Reason : null,
            AssignTo: action is CaseAction.Forward or CaseAction.Assign ? assignTo : null,
            Facility: action == CaseAction.Refer ? Facility : null);

    public static CreateCaseCommand Create(UserRef actor, string commandId = "create-1") =>
        new(commandId, actor, "PAT-0001", "Child with high fever and rash.", CasePriority.Urgent);
}
