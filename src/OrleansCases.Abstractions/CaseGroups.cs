namespace OrleansCases.Abstractions;

/// <summary>
/// The SignalR groups of design.md section 3, defined once: which groups a user's connection joins (from claims)
/// and which groups an event goes to. The feed uses the same two functions, so live delivery and catch-up agree.
/// </summary>
public static class CaseGroups
{
    public const string Admins = "admins";

    public static string User(string userId) => $"user:{userId}";

    public static string RegionChw(string region) => $"region:{region}:role:chw";

    public static string RegionClinician(string region) => $"region:{region}:role:clinician";

    public static string Case(string caseId) => $"case:{caseId}";

    /// <summary>The groups a connection of <paramref name="user"/> joins when it connects.</summary>
    public static IReadOnlyList<string> ForUser(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role switch
        {
            UserRole.Admin => [User(user.Id), Admins],
            UserRole.Chw when user.Region is { } r => [User(user.Id), RegionChw(r)],
            UserRole.Clinician when user.Region is { } r => [User(user.Id), RegionClinician(r)],
            _ => [User(user.Id)],
        };
    }

    /// <summary>The groups an event is sent to, each once, the case's watchers included.</summary>
    public static IReadOnlyList<string> ForEvent(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var groups = new List<string>(7) { User(e.OwnerId) };
        AddUser(groups, e.AssigneeId);
        AddUser(groups, e.PreviousAssigneeId);
        groups.Add(RegionChw(e.Region));
        if (e.Status == CaseStatus.ForwardedToClinician || e.PreviousStatus == CaseStatus.ForwardedToClinician)
        {
            groups.Add(RegionClinician(e.Region));
        }

        groups.Add(Case(e.CaseId));
        groups.Add(Admins);
        return groups;
    }

    /// <summary>Whether <paramref name="user"/>'s own groups (not case watches) receive <paramref name="e"/>.</summary>
    public static bool Receives(UserRef user, CaseEvent e) => ForUser(user).Intersect(ForEvent(e)).Any();

    private static void AddUser(List<string> groups, string? userId)
    {
        if (userId is not null && !groups.Contains(User(userId)))
        {
            groups.Add(User(userId));
        }
    }
}
