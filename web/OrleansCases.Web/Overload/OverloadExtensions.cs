using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Overload;

public static class OverloadExtensions
{
    /// <summary>The limits of <see cref="OverloadOptions"/>: connections in Kestrel, concurrent API requests in the pipeline.</summary>
    public static WebApplicationBuilder AddOverloadLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OverloadOptions>().BindConfiguration(OverloadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<OverloadOptions>>((kestrel, overload) =>
        {
            if ((overload.Value.MaxConnections ?? DescriptorBudget.Connections()) is { } connections)
            {
                // An upgraded connection (a WebSocket, long-lived) leaves the first count and joins the second: three
                // quarters of the budget for those, a quarter for requests, which come and go.
                kestrel.Limits.MaxConcurrentConnections = Math.Max(1, connections / 4);
                kestrel.Limits.MaxConcurrentUpgradedConnections = Math.Max(1, connections - (connections / 4));
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseConcurrencyGate(this IApplicationBuilder app) => app.UseMiddleware<ConcurrencyGateMiddleware>();
}
