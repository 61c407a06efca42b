using OrleansCases.Abstractions;

namespace OrleansCases.Web.Http;

/// <summary>Roles as they appear in claims and JSON: asha, chw, clinician, admin.</summary>
public static class RoleNames
{
    public static string ToWire(UserRole role) => role switch
    {
        UserRole.Asha => "asha",
        UserRole.Chw => "chw",
        UserRole.Clinician => "clinician",
        UserRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? wire, out UserRole role)
    {
        foreach (var candidate in Enum.GetValues<UserRole>())
        {
            if (ToWire(candidate) == wire)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
