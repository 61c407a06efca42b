namespace OrleansCases.Abstractions.Lifecycle;

/// <summary>The relations a user can have to a case; a transition names the ones allowed to perform it.</summary>
[Flags]
public enum CaseParty
{
    None = 0,
    Owner = 1,
    RegionAsha = 2,
    RegionChw = 4,
    RegionClinician = 8,
    Assignee = 16,
    Admin = 32,

    /// <summary>The system itself (escalations): no user is ever this party, so no user may take its actions.</summary>
    System = 64,
}
