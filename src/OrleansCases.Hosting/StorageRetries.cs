using Azure.Core;

namespace OrleansCases.Hosting;

/// <summary>
/// How long a storage request may take. The SDK's defaults (100 s network timeout) would hold a command, and the
/// grain behind it, far past any caller's patience; a short bound turns an outage into a prompt 503 instead.
/// </summary>
public static class StorageRetries
{
    public static void Apply(RetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
