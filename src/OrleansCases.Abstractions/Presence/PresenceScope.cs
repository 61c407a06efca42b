namespace OrleansCases.Abstractions.Presence;

/// <summary>Whose presence is kept: a region's CHWs and clinicians (docs/design.md section 9), the people one asks.</summary>
public static class PresenceScope
{
    public static bool Covers(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role is UserRole.Chw or UserRole.Clinician && user.Region is not null;
    }
}
