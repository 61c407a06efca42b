namespace OrleansCases.Abstractions;

/// <summary>One patient case, keyed by case id. It owns the case's state and every status transition.</summary>
[Alias("OrleansCases.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case; the grain's key must be <see cref="CaseIds.ForCreate"/> of the command.</summary>
    [Alias("CreateAsync")]
    Task<CaseCommandResult> CreateAsync(CreateCaseCommand command);

    /// <summary>Performs one transition; answers only after the change is stored and published.</summary>
    [Alias("ActAsync")]
    Task<CaseCommandResult> ActAsync(CaseActionCommand command);

    /// <summary>The case as <paramref name="reader"/> sees it, or null when it does not exist or they may not read it.</summary>
    [Alias("GetAsync")]
    Task<CaseView?> GetAsync(UserRef reader);
}
