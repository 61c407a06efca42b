namespace OrleansCases.Abstractions;

/// <summary>
/// One page of a stored list, newest change first. <see cref="UserId"/> names the owner or assignee for those views,
/// and for a patient search the only owner whose cases it finds (an asha's); <see cref="Patient"/> is what a patient
/// search looks for (a prefix of the reference, in any case); <see cref="After"/> is the <see cref="CaseListPage.Next"/>
/// of the previous page.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseListQuery")]
public sealed record CaseListQuery(
    [property: Id(0)] string Region,
    [property: Id(1)] CaseListView View,
    [property: Id(2)] string? UserId = null,
    [property: Id(3)] CaseStatus? Status = null,
    [property: Id(4)] CasePriority? Priority = null,
    [property: Id(5)] int Limit = 50,
    [property: Id(6)] string? After = null,
    [property: Id(7)] string? Patient = null)
{
    public const int MaxLimit = 200;
}
