namespace OrleansCases.Abstractions;

/// <summary>
/// Who acts or is named in a command: the caller as the web read it from their claims, or an assignee as the
/// user directory knows them. Region is null for admins.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.UserRef")]
public sealed record UserRef(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] UserRole Role,
    [property: Id(3)] string? Region);
