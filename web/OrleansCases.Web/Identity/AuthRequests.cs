namespace OrleansCases.Web.Identity;

/// <summary>POST /api/auth/login and /api/auth/token (Development only).</summary>
public sealed record SignInRequest(string? Username, string? Password);
