using OrleansCases.Abstractions;

namespace OrleansCases.Web.Http;

/// <summary>
/// The signed-in caller, bound as an endpoint parameter from the request's claims. Every API endpoint requires
/// authorization, and authentication refuses a session or token whose claims are incomplete (docs/design.md section 7),
/// so an endpoint always has one: endpoints need no "no caller" branch of their own.
/// </summary>
public sealed class Caller
{
    private Caller(UserRef user) => User = user;

    public UserRef User { get; }

    public static ValueTask<Caller?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.User.ToUserRef() is { } user ? new Caller(user) : null);
    }
}
