using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansCases.Benchmark.Load;

namespace OrleansCases.Benchmark.Targets;

/// <summary>
/// Bearer tokens for the load's users, signed with a development key the benchmark gives the web it starts
/// (Auth:DevelopmentSigningKey), with the claims the web's own development tokens carry: thousands of users sign in
/// without a password hash each, and without the demo users' directory.
/// </summary>
public sealed class TokenMint
{
    public const string Issuer = "orleanscases";
    public const string Audience = "orleanscases";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials;
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public TokenMint()
    {
        Key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Key)), SecurityAlgorithms.HmacSha256);
    }

    /// <summary>The signing key, for the web's configuration.</summary>
    public string Key { get; }

    public string TokenOf(BenchUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _tokens.GetOrAdd(user.Id, _ =>
        {
            var claims = new Dictionary<string, object> { ["sub"] = user.Id, ["name"] = user.Name, ["role"] = user.Role };
            if (user.Region is not null)
            {
                claims["region"] = user.Region;
            }

            var now = DateTime.UtcNow;
            return _handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = Audience,
                Claims = claims,
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddHours(8),
                SigningCredentials = _credentials,
            });
        });
    }
}
