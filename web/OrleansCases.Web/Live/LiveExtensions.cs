using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OrleansCases.Hosting;
using OrleansCases.Web.Cases;

namespace OrleansCases.Web.Live;

/// <summary>Live delivery: the hub, the bridge from the region streams to its groups, and the feed behind both.</summary>
public static class LiveExtensions
{
    /// <summary>Hub messages larger than this close the sending connection (docs/design.md section 5).</summary>
    public const long MaxMessageSize = 32 * 1024;

    public static WebApplicationBuilder AddLiveDelivery(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BridgeOptions>().BindConfiguration(BridgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CaseEventBridge>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseEventBridge>());
        builder.Services.AddHealthChecks().AddCheck<BridgeHealthCheck>("bridge", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddSingleton<IFeedPosition, FeedPosition>();
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = MaxMessageSize;
            o.AddFilter<HubRateLimitFilter>();
        }).AddMessagePackProtocol();
        builder.Services.AddOptions<CaseHubOptions>().BindConfiguration(CaseHubOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // WatchCase's answer in the JSON protocol's shape over MessagePack too (events have their own keys already).
        builder.Services.AddOptions<MessagePackHubProtocolOptions>().Configure<IOptions<JsonHubProtocolOptions>>((messagePack, json) =>
            messagePack.SerializerOptions = messagePack.SerializerOptions.WithResolver(CompositeResolver.Create(
                [new JsonShapedFormatter<CaseResponse>(json.Value.PayloadSerializerOptions)],
                [messagePack.SerializerOptions.Resolver])));
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        return builder;
    }

    /// <summary>
    /// /hubs/cases on WebSockets, server-sent events and long polling; closed when the sign-in expires, or when a send
    /// to it waits longer than <see cref="CaseHubOptions.TransportSendTimeout"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapCaseHub(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limits = app.ServiceProvider.GetRequiredService<IOptions<CaseHubOptions>>().Value;
        app.MapHub<CaseHub>("/hubs/cases", o =>
        {
            o.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;
            o.CloseOnAuthenticationExpiration = true;
            o.TransportSendTimeout = limits.TransportSendTimeout;
        });
        return app;
    }
}
