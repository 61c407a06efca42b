using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

/// <summary>The demo users of docs/design.md section 7, seeded in Development only.</summary>
public static class DemoUsers
{
    /// <summary>Every demo user's password: the seed of their hashes in <see cref="DemoCredentials"/>, never stored.</summary>
    public const string Password = "demo-pass";

    public static IReadOnlyList<UserRef> All { get; } =
    [
        new("asha.north", "Asha (north)", UserRole.Asha, "north"),
        new("asha2.north", "Asha 2 (north)", UserRole.Asha, "north"),
        new("chw.north", "CHW (north)", UserRole.Chw, "north"),
        new("clinician.north", "Clinician (north)", UserRole.Clinician, "north"),
        new("clinician2.north", "Clinician 2 (north)", UserRole.Clinician, "north"),
        new("asha.south", "Asha (south)", UserRole.Asha, "south"),
        new("chw.south", "CHW (south)", UserRole.Chw, "south"),
        new("clinician.south", "Clinician (south)", UserRole.Clinician, "south"),
        new("admin", "Administrator", UserRole.Admin, null),
    ];
}
