namespace OrleansCases.Web.Presence;

/// <summary>Presence: this instance's leases in the cluster, the relay of changes to the hub, GET /api/presence.</summary>
public static class PresenceExtensions
{
    public static WebApplicationBuilder AddPresence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<PresenceRelay>();
        builder.Services.AddSingleton<PresenceLeases>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PresenceLeases>());
        return builder;
    }
}
