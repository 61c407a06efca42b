using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansCases.Web.Http;
using OrleansCases.Abstractions;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// Bearer tokens as the web signs them in Development, made directly so tests can also make the ones it never
/// would: expired, badly signed, unsigned, with edited claims.
/// </summary>
public static class TestTokens
{
    public static string For(WebInstance web, UserRef user, TimeSpan? lifetime = null, string? signingKey = null)
    {
        ArgumentNullException.ThrowIfNull(web);
        var auth = web.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(CaseClaims.For(user)),
            NotBefore = expires < now ? expires.AddMinutes(-5) : now,
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey ?? auth.DevelopmentSigningKey!)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static UserRef User(string id) => DemoUsers.All.Single(u => u.Id == id);
}
