using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>Sends commands the way the web will: a fresh commandId each, the case id derived for creates.</summary>
public sealed class CaseDriver(IGrainFactory grains)
{
    public ICaseGrain Grain(string caseId) => grains.GetGrain<ICaseGrain>(caseId);

    public Task<CaseCommandResult> CreateAsync(
        UserRef actor, string? commandId = null, CasePriority priority = CasePriority.Routine, string patientRef = "P-1")
    {
        commandId ??= NewCommandId();
        return Grain(CaseIds.ForCreate(actor.Id, commandId))
            .CreateAsync(new CreateCaseCommand(commandId, actor, PatientRef: patientRef, Summary: "Fever for three days", Priority: priority));
    }

    /// <summary>Creates a case and answers its id; fails the test if the create is refused.</summary>
    public async Task<string> CreatedAsync(UserRef actor, CasePriority priority = CasePriority.Routine)
    {
        var result = await CreateAsync(actor, priority: priority);
        Assert.Equal(CaseCommandOutcome.Ok, result.Outcome);
        return result.View!.Case.Id;
    }

    public Task<CaseCommandResult> ActAsync(
        string caseId, UserRef actor, CaseAction action, string? note = null, string? reason = null,
        UserRef? assignTo = null, string? facility = null, int? expectedVersion = null, string? commandId = null) =>
        Grain(caseId).ActAsync(new CaseActionCommand(
            commandId ?? NewCommandId(), actor, action, Note: note, Reason: reason, AssignTo: assignTo, Facility: facility,
            ExpectedVersion: expectedVersion));

    /// <summary>Performs an action that must succeed, and answers the case after it.</summary>
    public async Task<CaseView> DoAsync(
        string caseId, UserRef actor, CaseAction action, string? note = null, string? reason = null,
        UserRef? assignTo = null, string? facility = null)
    {
        var result = await ActAsync(caseId, actor, action, note, reason, assignTo, facility);
        Assert.True(result.Succeeded, $"{action} by {actor.Id} was refused: {result.Outcome}");
        return result.View!;
    }

    public static string NewCommandId() => Guid.NewGuid().ToString("N");
}
