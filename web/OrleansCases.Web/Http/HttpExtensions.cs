using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OrleansCases.Web.Http;

/// <summary>What every API endpoint stands on: JSON shape, problem details, the 503 handler, deadlines, body limit.</summary>
public static class HttpExtensions
{
    /// <summary>Requests larger than this are refused with 413 (docs/design.md section 4).</summary>
    public const long MaxRequestBodySize = 64 * 1024;

    public static WebApplicationBuilder AddHttpPlumbing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodySize);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
