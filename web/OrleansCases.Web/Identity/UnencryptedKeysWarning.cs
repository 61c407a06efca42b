using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Identity;

/// <summary>
/// One warning at start when the Data Protection keys are stored unencrypted (Development without a certificate), so a
/// developer knows what Production would refuse. Data Protection itself warns only when it creates a key.
/// </summary>
internal sealed class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> logger, IOptions<AuthOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        IdentityLog.KeysUnencrypted(logger, options.Value.DataProtectionTable);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
