namespace OrleansCases.Abstractions.Lifecycle;

/// <summary>The optional command fields an action accepts or requires.</summary>
[Flags]
public enum CaseFields
{
    None = 0,
    Note = 1,
    Reason = 2,
    Facility = 4,
    AssignTo = 8,
}
