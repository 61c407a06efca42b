using OrleansCases.Abstractions;

namespace OrleansCases.Lifecycle.Tests.Support;

/// <summary>The demo users of docs/design.md section 7, so examples read like the portal's own accounts.</summary>
internal static class Users
{
    public static readonly UserRef AshaNorth = new("asha.north", "Asha North", UserRole.Asha, "north");
    public static readonly UserRef Asha2North = new("asha2.north", "Asha Two North", UserRole.Asha, "north");
    public static readonly UserRef ChwNorth = new("chw.north", "Chw North", UserRole.Chw, "north");
    public static readonly UserRef ClinicianNorth = new("clinician.north", "Clinician North", UserRole.Clinician, "north");
    public static readonly UserRef Clinician2North = new("clinician2.north", "Clinician Two North", UserRole.Clinician, "north");
    public static readonly UserRef AshaSouth = new("asha.south", "Asha South", UserRole.Asha, "south");
    public static readonly UserRef ChwSouth = new("chw.south", "Chw South", UserRole.Chw, "south");
    public static readonly UserRef ClinicianSouth = new("clinician.south", "Clinician South", UserRole.Clinician, "south");
    public static readonly UserRef Admin = new("admin", "Admin", UserRole.Admin, null);

    public static IReadOnlyList<UserRef> All { get; } =
    [
        AshaNorth, Asha2North, ChwNorth, ClinicianNorth, Clinician2North, AshaSouth, ChwSouth, ClinicianSouth, Admin,
    ];

    /// <summary>Theories name users by id, which keeps their display names readable.</summary>
    public static UserRef ById(string id) => All.Single(u => u.Id == id);
}
