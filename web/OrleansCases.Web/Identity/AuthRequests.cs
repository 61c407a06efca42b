namespace OrleansCases.Web.Identity;

/// <summary>POST /api/auth/login and /api/auth/token (Development only).</summary>
public sealed record SignInRequest(string? Username, string? Password)
{
    /// <summary>For the API's description: one of the demo users (docs/design.md section 7).</summary>
    public static SignInRequest Example { get; } = new(Username: "asha.north", Password: DemoUsers.Password);
}
