using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OrleansCases.Hosting;
using OrleansCases.Web.Bridge;

namespace OrleansCases.Web.Cases;

public static class CasesServiceExtensions
{
    /// <summary>Requests larger than this are refused with 413 (docs/design.md section 4).</summary>
    public const long MaxRequestBodySize = 64 * 1024;

    /// <summary>Options, JSON shape, problem details, the 64 KiB body limit and the stream-to-SignalR bridge.</summary>
    public static WebApplicationBuilder AddCasesApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CasesOptions>().BindConfiguration(CasesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CasesOptions>, CasesOptionsValidator>();
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodySize);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.AddOptions<BridgeOptions>().BindConfiguration(BridgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CaseEventBridge>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseEventBridge>());
        builder.Services.AddHealthChecks().AddCheck<BridgeHealthCheck>("bridge", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
