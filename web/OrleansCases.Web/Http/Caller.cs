using OrleansCases.Abstractions;

namespace OrleansCases.Web.Http;

public static class Caller
{
    /// <summary>The signed-in caller; endpoints require authorization, so incomplete claims are the only way to get null.</summary>
    public static UserRef? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.ToUserRef();
    }
}
