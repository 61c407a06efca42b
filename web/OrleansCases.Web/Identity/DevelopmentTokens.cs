using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansCases.Web.Http;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

/// <summary>Development only: signs bearer tokens with the development key, carrying the four claims of a session.</summary>
public sealed class DevelopmentTokens(IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public static SymmetricSecurityKey KeyOf(AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.DevelopmentSigningKey ?? ""));
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var auth = options.Value;
        var now = time.GetUtcNow();
        var expires = now + auth.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Claims = CaseClaims.For(user).ToDictionary(c => c.Type, object (c) => c.Value),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(KeyOf(auth), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
