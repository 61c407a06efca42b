using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansCases.Hosting;

/// <summary>Ready when Azure Table storage answers a cheap query.</summary>
public sealed class StorageHealthCheck(TableServiceClient tables) : IHealthCheck
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Azure Table storage does not answer.", ex);
        }
    }
}
