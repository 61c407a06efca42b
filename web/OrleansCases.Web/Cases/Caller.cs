using OrleansCases.Abstractions;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Cases;

public static class Caller
{
    /// <summary>The signed-in caller; endpoints require authorization, so incomplete claims are the only way to get null.</summary>
    public static UserRef? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.ToUserRef();
    }
}
