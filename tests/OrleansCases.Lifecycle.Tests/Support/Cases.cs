using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Support;

/// <summary>
/// Cases in each status, reached only through the lifecycle itself (never by setting Status), so every example
/// starts from a state the real grain could hold. All are opened by asha.north in region north.
/// </summary>
internal static class Cases
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 8, 30, 0, TimeSpan.Zero);

    public static readonly UserRef Owner = Users.AshaNorth;

    public static CaseRecord Open(UserRef? owner = null)
    {
        var command = Commands.Create(owner ?? Owner);
        var decision = CaseLifecycle.DecideCreate(CaseIds.ForCreate(command.Actor.Id, command.CommandId), command, Now);
        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        return decision.Next!;
    }

    public static CaseRecord Forwarded(UserRef? assignTo = null) =>
        Apply(Open(), Owner, CaseAction.Forward, assignTo);

    public static CaseRecord UnderReview(UserRef? clinician = null) =>
        Apply(Forwarded(), clinician ?? Users.ClinicianNorth, CaseAction.Claim);

    public static CaseRecord NeedsInfo() => Apply(UnderReview(), Users.ClinicianNorth, CaseAction.RequestInfo);

    public static CaseRecord Referred() => Apply(UnderReview(), Users.ClinicianNorth, CaseAction.Refer);

    public static CaseRecord Completed() => Apply(UnderReview(), Users.ClinicianNorth, CaseAction.Complete);

    public static CaseRecord Cancelled() => Apply(Open(), Owner, CaseAction.Cancel);

    public static Decision Decide(CaseRecord current, UserRef actor, CaseAction action, UserRef? assignTo = null) =>
        CaseLifecycle.Decide(current, Commands.Valid(actor, action, assignTo), Now.AddMinutes(current.Version));

    /// <summary>Performs a valid command that must succeed and returns the case after it.</summary>
    public static CaseRecord Apply(CaseRecord current, UserRef actor, CaseAction action, UserRef? assignTo = null)
    {
        var command = Commands.Valid(actor, action, assignTo);
        Assert.Empty(CaseInputRules.Validate(command));
        var decision = CaseLifecycle.Decide(current, command, Now.AddMinutes(current.Version));
        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        return decision.Next!;
    }
}
