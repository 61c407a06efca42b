using OrleansCases.Abstractions;

namespace OrleansCases.Web.Cases;

/// <summary>POST /api/cases. The commandId is optional: without one, a retry makes a second case.</summary>
public sealed record CreateCaseRequest(string? PatientRef, string? Summary, CasePriority? Priority, string? CommandId);

/// <summary>POST /api/cases/{id}/actions/{action}: the fields the action uses, see the lifecycle table.</summary>
public sealed record CaseActionRequest(
    string? Note, string? Reason, string? AssignTo, string? Facility, int? ExpectedVersion, string? CommandId);
