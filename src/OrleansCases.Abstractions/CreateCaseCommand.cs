namespace OrleansCases.Abstractions;

/// <summary>Opens a case. Its id is <see cref="CaseIds.ForCreate"/> of the caller and the command id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CreateCaseCommand")]
public sealed record CreateCaseCommand(
    [property: Id(0)] string CommandId,
    [property: Id(1)] UserRef Actor,
    [property: Id(2)] string PatientRef,
    [property: Id(3)] string Summary,
    [property: Id(4)] CasePriority Priority);
