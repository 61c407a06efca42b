using OrleansCases.Abstractions;

namespace OrleansCases.Lifecycle.Tests.Support;

/// <summary>Events of a north case owned by asha.north, varying only what routing depends on.</summary>
internal static class Events
{
    public static CaseEvent Of(
        CaseStatus status,
        CaseStatus? previousStatus,
        string? assigneeId = null,
        string? previousAssigneeId = null,
        string ownerId = "asha.north",
        string region = "north") =>
        new(
            "c0123456789abcdef01234567", status, previousStatus, CaseAction.Forward, ownerId, "Owner", Cases.Now, region,
            ownerId, assigneeId, previousAssigneeId, CasePriority.Routine, 2, null, 1);
}
