using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Cases;

public static class CasesServiceExtensions
{
    /// <summary>The regions this instance serves. Lists hand out feed cursors, so live delivery must be added too.</summary>
    public static WebApplicationBuilder AddCasesApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CasesOptions>().BindConfiguration(CasesOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CasesOptions>, CasesOptionsValidator>();
        return builder;
    }
}
