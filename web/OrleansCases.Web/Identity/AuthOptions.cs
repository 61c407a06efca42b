using System.Text;

namespace OrleansCases.Web.Identity;

/// <summary>How callers prove who they are (docs/design.md section 7).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>Issuer of the tokens this app signs in Development.</summary>
    public string Issuer { get; set; } = "orleanscases";

    /// <summary>Audience of bearer tokens (ours in Development, the authority's outside it).</summary>
    public string Audience { get; set; } = "orleanscases";

    /// <summary>Development only: the HMAC key for tokens this app signs. Outside Development the app refuses it.</summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>Outside Development: the OpenID Connect authority whose tokens are accepted.</summary>
    public string? Authority { get; set; }

    /// <summary>Outside Development: fetch the authority's metadata over HTTPS only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How long a token or session lasts.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The Azure table that holds the Data Protection key ring every web instance shares.</summary>
    public string DataProtectionTable { get; set; } = "DataProtectionKeys";

    /// <summary>Encrypts the keys of <see cref="DataProtectionTable"/> at rest; required outside Development.</summary>
    public DataProtectionCertificateOptions DataProtectionCertificate { get; set; } = new();

    /// <summary>Outside Development: the Azure table of users recorded when they first sign in.</summary>
    public string UsersTable { get; set; } = "Users";

    public AuthRateLimits RateLimits { get; set; } = new();

    /// <summary>
    /// Refuses a configuration that would be unsafe or cannot work in <paramref name="environment"/>, naming the
    /// setting at fault: the app must not start with the development key in production, nor without an authority or a
    /// certificate for the Data Protection keys.
    /// </summary>
    public void EnsureValidFor(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            if (Encoding.UTF8.GetByteCount(DevelopmentSigningKey ?? "") < MinSigningKeyBytes)
            {
                throw Refuse("DevelopmentSigningKey", $"must be set in Development, at least {MinSigningKeyBytes} bytes: it signs the bearer tokens of /api/auth/token.");
            }
        }
        else
        {
            if (!string.IsNullOrEmpty(DevelopmentSigningKey))
            {
                throw Refuse("DevelopmentSigningKey", $"is set, but the environment is '{environment.EnvironmentName}': the development key is refused outside Development. Remove it; tokens come from {Section}:Authority.");
            }

            if (!Uri.TryCreate(Authority, UriKind.Absolute, out _))
            {
                throw Refuse("Authority", $"is required outside Development (environment '{environment.EnvironmentName}'): the absolute URL of the OpenID Connect authority whose tokens are accepted.");
            }

            if (string.IsNullOrWhiteSpace(Audience))
            {
                throw Refuse("Audience", "is required outside Development: the audience the authority's tokens are issued for.");
            }

            if (!DataProtectionCertificate.IsConfigured)
            {
                throw Refuse("DataProtectionCertificate:Path", $"is required outside Development (environment '{environment.EnvironmentName}'): the certificate (PKCS#12, or PEM with {Section}:DataProtectionCertificate:KeyPath) whose RSA key encrypts the Data Protection keys stored in the {DataProtectionTable} table; unencrypted, anyone who can read that table can forge session cookies.");
            }
        }

        if (!DataProtectionCertificate.IsConfigured && !string.IsNullOrEmpty(DataProtectionCertificate.KeyPath))
        {
            throw Refuse("DataProtectionCertificate:Path", "is required when DataProtectionCertificate:KeyPath is set: the PEM certificate that goes with the key.");
        }

        if (TokenLifetime <= TimeSpan.Zero)
        {
            throw Refuse("TokenLifetime", "must be positive.");
        }

        RateLimits.PerUser.EnsureValid("RateLimits:PerUser");
        RateLimits.SignInPerUserName.EnsureValid("RateLimits:SignInPerUserName");
        RateLimits.SignInPerAddress.EnsureValid("RateLimits:SignInPerAddress");
        RateLimits.HubPerUser.EnsureValid("RateLimits:HubPerUser");
        RateLimits.MessagesPerUser.EnsureValid("RateLimits:MessagesPerUser");
    }

    internal static InvalidOperationException Refuse(string setting, string why) =>
        new($"Configuration setting {Section}:{setting} {why}");
}
