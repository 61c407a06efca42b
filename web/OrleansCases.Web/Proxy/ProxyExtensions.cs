using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Proxy;

public static class ProxyExtensions
{
    /// <summary>Believes X-Forwarded-For/-Proto from the configured proxy networks only (<see cref="ProxyOptions"/>).</summary>
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var networks = (builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new()).Parse();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Not even loopback by default: only what is configured.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    /// <summary>
    /// First in the pipeline, so that everything after it (limits, logs, metrics) sees the client. Not at all without
    /// trusted networks: the middleware believes every sender when it knows no proxy.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders();
    }
}
