using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace OrleansCases.Web.Identity;

public static class DataProtectionExtensions
{
    /// <summary>
    /// The Data Protection key ring every web instance shares, in an Azure table (<see cref="TableXmlRepository"/>), so
    /// a cookie issued by one is read by all; each key is encrypted with the certificate of
    /// <see cref="AuthOptions.DataProtectionCertificate"/> before it is stored. Outside Development the certificate is
    /// required (<see cref="AuthOptions.EnsureValidFor"/>); in Development without one the keys are stored as they are
    /// and the web says so once at start (<see cref="UnencryptedKeysWarning"/>).
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        services.AddSingleton<TableXmlRepository>();
        var dataProtection = services.AddDataProtection().SetApplicationName(TableXmlRepository.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<TableXmlRepository>((o, keys) => o.XmlRepository = keys);
        if (auth.DataProtectionCertificate.IsConfigured)
        {
            // Loaded now, so that a certificate that cannot be read stops the start. The same call registers it for
            // decryption too: keys are read back with it, not looked up in a certificate store the container lacks.
            dataProtection.ProtectKeysWithCertificate(auth.DataProtectionCertificate.Load());
        }
        else
        {
            services.AddHostedService<UnencryptedKeysWarning>();
        }

        return services;
    }
}
