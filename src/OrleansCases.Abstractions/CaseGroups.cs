namespace OrleansCases.Abstractions;

/// <summary>
/// The SignalR groups of docs/design.md section 3, defined once: which groups a user's connection joins (from claims)
/// and which groups an event goes to. The feed uses the same two functions, so live delivery and catch-up agree.
/// </summary>
public static class CaseGroups
{
    public const string Admins = "admins";

    public static string User(string userId) => $"user:{userId}";

    public static string RegionChw(string region) => $"region:{region}:role:chw";

    public static string RegionClinician(string region) => $"region:{region}:role:clinician";

    public static string Case(string caseId) => $"case:{caseId}";

    /// <summary>Every user of a region, whatever their role: where its presence goes (docs/design.md section 9).</summary>
    public static string Region(string region) => $"region:{region}";

    /// <summary>The groups a connection of <paramref name="user"/> joins when it connects: its user's, its role's, its region's.</summary>
    public static IReadOnlyList<string> ForUser(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [User(user.Id), .. RoleGroupOf(user) is { } role ? [role] : Array.Empty<string>(), .. user.Region is { } r ? [Region(r)] : Array.Empty<string>()];
    }

    /// <summary>
    /// The one role group a user's connections join (admins, a region's CHWs, a region's clinicians), or null (ASHAs).
    /// A connection is in at most one role group, so an event's role groups never reach a connection twice.
    /// </summary>
    public static string? RoleGroupOf(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role switch
        {
            UserRole.Admin => Admins,
            UserRole.Chw when user.Region is { } r => RegionChw(r),
            UserRole.Clinician when user.Region is { } r => RegionClinician(r),
            _ => null,
        };
    }

    /// <summary>The groups an event is sent to, each once: its users', its role groups and the case's watchers.</summary>
    public static IReadOnlyList<string> ForEvent(CaseEvent e) => [.. UsersOf(e).Select(User), .. RoleGroupsOf(e), Case(e.CaseId)];

    /// <summary>The users an event concerns, each once: its owner, its assignee, its previous assignee (none for a message).</summary>
    public static IReadOnlyList<string> UsersOf(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var users = new List<string>(3) { e.OwnerId };
        AddUser(users, e.AssigneeId);
        AddUser(users, e.PreviousAssigneeId);
        return users;
    }

    /// <summary>
    /// The role groups an event goes to: the region's CHWs, its clinicians while the review queue is involved, admins. A
    /// message goes to the conversation's audience (docs/design.md section 9): never to the region's clinicians, a queued
    /// case's too, since only its assignee is in the conversation.
    /// </summary>
    public static IReadOnlyList<string> RoleGroupsOf(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Message is null && (e.Status == CaseStatus.ForwardedToClinician || e.PreviousStatus == CaseStatus.ForwardedToClinician)
            ? [RegionChw(e.Region), RegionClinician(e.Region), Admins]
            : [RegionChw(e.Region), Admins];
    }

    /// <summary>Whether <paramref name="user"/>'s own groups (not case watches) receive <paramref name="e"/>.</summary>
    public static bool Receives(UserRef user, CaseEvent e) =>
        UsersOf(e).Contains(user.Id) || (RoleGroupOf(user) is { } role && RoleGroupsOf(e).Contains(role));

    private static void AddUser(List<string> users, string? userId)
    {
        if (userId is not null && !users.Contains(userId))
        {
            users.Add(userId);
        }
    }
}
