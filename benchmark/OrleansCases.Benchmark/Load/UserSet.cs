using System.Globalization;

namespace OrleansCases.Benchmark.Load;

/// <summary>
/// The users of a scenario and which user each connection signs in as. Two shapes: synthetic (regions of 150 ASHAs,
/// 30 CHWs and 19 clinicians, plus admins; one connection per user) and the demo users' spread (the nine users of
/// ./run.sh, connections dealt round-robin, as a room full of people trying the demo would).
/// </summary>
public sealed class UserSet
{
    private UserSet(string label, IReadOnlyList<BenchUser> users, IReadOnlyList<BenchUser> connections)
    {
        Label = label;
        Users = users;
        Connections = connections;
        Regions = users.Where(u => u.Region is not null).Select(u => u.Region!).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    public string Label { get; }

    public IReadOnlyList<BenchUser> Users { get; }

    /// <summary>The user of each connection, by connection index.</summary>
    public IReadOnlyList<BenchUser> Connections { get; }

    public IReadOnlyList<string> Regions { get; }

    public IEnumerable<BenchUser> InRegion(string region, string role) => Users.Where(u => u.Region == region && u.Role == role);

    /// <summary>
    /// <paramref name="regions"/> regions of <paramref name="ashas"/> ASHAs, <paramref name="chws"/> CHWs and
    /// <paramref name="clinicians"/> clinicians each, plus <paramref name="admins"/> admins; one connection per user.
    /// </summary>
    public static UserSet Synthetic(int regions, int ashas, int chws, int clinicians, int admins)
    {
        var users = new List<BenchUser>();
        for (var r = 1; r <= regions; r++)
        {
            var region = "r" + r.ToString("D2", CultureInfo.InvariantCulture);
            Add(users, region, "asha", ashas);
            Add(users, region, "chw", chws);
            Add(users, region, "clinician", clinicians);
        }

        for (var i = 1; i <= admins; i++)
        {
            users.Add(new BenchUser($"admin-{i:D2}", $"Admin {i}", "admin", null));
        }

        return new UserSet($"synthetic, {regions} regions", users, users);
    }

    /// <summary>The 2,000 users of the issue: 10 regions × (150 ASHAs, 30 CHWs, 19 clinicians) + 10 admins.</summary>
    public static UserSet Synthetic2000() => Synthetic(10, 150, 30, 19, 10);

    /// <summary><paramref name="connections"/> connections over the demo users of ./run.sh, round-robin.</summary>
    public static UserSet DemoSpread(int connections)
    {
        BenchUser[] demo =
        [
            new("asha.north", "Asha (north)", "asha", "north"),
            new("asha2.north", "Asha 2 (north)", "asha", "north"),
            new("chw.north", "CHW (north)", "chw", "north"),
            new("clinician.north", "Clinician (north)", "clinician", "north"),
            new("clinician2.north", "Clinician 2 (north)", "clinician", "north"),
            new("asha.south", "Asha (south)", "asha", "south"),
            new("chw.south", "CHW (south)", "chw", "south"),
            new("clinician.south", "Clinician (south)", "clinician", "south"),
            new("admin", "Administrator", "admin", null),
        ];
        return new UserSet("demo users' spread", demo, Enumerable.Range(0, connections).Select(i => demo[i % demo.Length]).ToArray());
    }

    /// <summary>The first <paramref name="count"/> connections of this set, users kept.</summary>
    public UserSet Take(int count) => new(Label, Users, Connections.Take(count).ToArray());

    /// <summary>The same users, connected only as those of <paramref name="role"/>.</summary>
    public UserSet ConnectedAs(string role) => new(Label, Users, Users.Where(u => u.Role == role).ToArray());

    /// <summary>Each user's connection repeated until there are <paramref name="count"/> of them (idle-connection scenarios).</summary>
    public UserSet Repeat(int count) => new(Label, Users, Enumerable.Range(0, count).Select(i => Users[i % Users.Count]).ToArray());

    private static void Add(List<BenchUser> users, string region, string role, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            users.Add(new BenchUser($"{role}-{region}-{i:D3}", $"{role} {i} ({region})", role, region));
        }
    }
}
