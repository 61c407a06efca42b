using OrleansCases.Abstractions;

namespace OrleansCases.Web.Cases;

/// <summary>POST /api/cases. The commandId is optional: without one, a retry makes a second case.</summary>
public sealed record CreateCaseRequest(string? PatientRef, string? Summary, CasePriority? Priority, string? CommandId)
{
    /// <summary>For the API's description.</summary>
    public static CreateCaseRequest Example { get; } = new(
        PatientRef: "P-1042", Summary: "Fever for three days, not eating.", Priority: CasePriority.Urgent,
        CommandId: "5b0f8c2e9d4a4f6b8e1c3a7d2f9e0b14");
}

/// <summary>POST /api/cases/{id}/actions/{action}: the fields the action uses, see the lifecycle table.</summary>
public sealed record CaseActionRequest(
    string? Note, string? Reason, string? AssignTo, string? Facility, int? ExpectedVersion, string? CommandId)
{
    /// <summary>No body: an action that uses no field.</summary>
    public static CaseActionRequest None { get; } = new(null, null, null, null, null, null);

    /// <summary>For the API's description: an assign (POST …/actions/assign).</summary>
    public static CaseActionRequest Example { get; } = None with
    {
        Note = "Please see her today.", AssignTo = "clinician.north", ExpectedVersion = 2,
        CommandId = "9e3d1a6c7b2f4e8a9c0d5b1f6a2e7c34",
    };
}
