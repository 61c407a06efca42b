using System.Security.Claims;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Http;

/// <summary>
/// The four claims every session and token carries (docs/design.md section 7), and the caller they describe. Group
/// membership and every grain call derive from these claims, never from request input.
/// </summary>
public static class CaseClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Region = "region";

    public static IEnumerable<Claim> For(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        yield return new Claim(Subject, user.Id);
        yield return new Claim(Name, user.Name);
        yield return new Claim(Role, WireName.Of(user.Role));
        if (user.Region is not null)
        {
            yield return new Claim(Region, user.Region);
        }
    }

    /// <summary>The caller, or null when the claims are incomplete or inconsistent (treated as not signed in).</summary>
    public static UserRef? ToUserRef(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(Subject);
        var name = principal.FindFirstValue(Name) ?? id;
        var region = principal.FindFirstValue(Region);
        if (string.IsNullOrEmpty(id) || !WireName.TryParse<UserRole>(principal.FindFirstValue(Role), out var role))
        {
            return null;
        }

        // An admin has no region; everyone else has exactly one.
        return (role == UserRole.Admin) == string.IsNullOrEmpty(region) ? new UserRef(Id: id, Name: name!, Role: role, Region: region) : null;
    }
}
