namespace OrleansCases.Abstractions.Lifecycle;

/// <summary>
/// Who the system's own transitions (escalations) are by: <c>updatedBy</c> = <c>system</c> (docs/design.md section 10).
/// No user directory names this id, and no user is ever the party its transitions need.
/// </summary>
public static class SystemActor
{
    public const string Id = "system";

    public const string Name = "System";
}
