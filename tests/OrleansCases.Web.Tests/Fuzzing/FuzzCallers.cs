using OrleansCases.Abstractions;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>How a request proves (or fails to prove) who sends it.</summary>
public enum Credential
{
    /// <summary>A valid bearer token of a demo user.</summary>
    User,

    /// <summary>No Authorization header at all.</summary>
    None,

    /// <summary>A header that is no token.</summary>
    Garbage,

    /// <summary>A demo user's token that expired an hour ago.</summary>
    Expired,

    /// <summary>A demo user's token signed with a key the web does not know.</summary>
    WrongKey,
}

/// <summary>One caller of the fuzzer: a demo user with a valid token, or someone who must get 401 for everything.</summary>
public sealed record FuzzCaller(UserRef? User, Credential Credential, string? Token)
{
    public string Name => User is null ? Credential.ToString().ToLowerInvariant() : Credential == Credential.User ? User.Id : $"{User.Id}({Credential})";

    public bool SignedIn => Credential == Credential.User;
}

/// <summary>
/// Every caller the fuzzer picks from: the nine demo users of docs/design.md section 7 (both regions, every role), then
/// callers without a valid token. Indices into <see cref="All"/> are what the generated steps carry.
/// </summary>
public sealed class FuzzCallers
{
    private FuzzCallers(IReadOnlyList<FuzzCaller> all) => All = all;

    /// <summary>The demo users, first, in the order of <see cref="DemoUsers.All"/>.</summary>
    public static IReadOnlyList<UserRef> Users => DemoUsers.All;

    public static int UserCount => DemoUsers.All.Count;

    /// <summary>Callers by index: the demo users, then one per kind of bad credential.</summary>
    public IReadOnlyList<FuzzCaller> All { get; }

    public static int Count => UserCount + 4;

    public static FuzzCallers Create(WebInstance web)
    {
        var anyone = DemoUsers.All[0];
        var all = DemoUsers.All.Select(u => new FuzzCaller(u, Credential.User, TestTokens.For(web, u))).ToList();
        all.Add(new FuzzCaller(null, Credential.None, null));
        all.Add(new FuzzCaller(null, Credential.Garbage, "not.a.token"));
        all.Add(new FuzzCaller(anyone, Credential.Expired, TestTokens.For(web, anyone, lifetime: TimeSpan.FromHours(-1))));
        all.Add(new FuzzCaller(anyone, Credential.WrongKey, TestTokens.For(web, anyone, signingKey: new string('k', 64))));
        return new FuzzCallers(all);
    }

    public FuzzCaller this[int index] => All[index % All.Count];

    /// <summary>A demo user (never an unauthenticated caller), for hub calls and guided commands.</summary>
    public static UserRef UserAt(int index) => DemoUsers.All[index % DemoUsers.All.Count];
}
