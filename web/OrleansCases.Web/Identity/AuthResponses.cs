using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

/// <summary>A user as the API shows them (docs/design.md section 4): an admin's region is null.</summary>
public sealed record UserResponse(string Id, string Name, UserRole Role, string? Region)
{
    public static UserResponse From(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Name, user.Role, user.Region);
    }
}

/// <summary>POST /api/auth/token: send <see cref="AccessToken"/> as <c>Authorization: Bearer</c> until <see cref="ExpiresAt"/>.</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, UserResponse User);

/// <summary>GET /api/auth/antiforgery: send <see cref="Token"/> as header X-XSRF-TOKEN on changes made with the session cookie.</summary>
public sealed record AntiforgeryTokenResponse(string Token);
