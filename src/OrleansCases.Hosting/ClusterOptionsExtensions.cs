using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansCases.Hosting;

public static class ClusterOptionsExtensions
{
    /// <summary>
    /// Binds and validates <see cref="CasesClusterOptions"/>, and returns them now: clustering and stream providers
    /// are chosen while the host is built, before the container exists.
    /// </summary>
    public static CasesClusterOptions AddCasesClusterOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CasesClusterOptions>().BindConfiguration(CasesClusterOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CasesClusterOptions>, CasesClusterOptionsValidator>();
        var options = builder.Configuration.GetSection(CasesClusterOptions.Section).Get<CasesClusterOptions>() ?? new();
        var result = new CasesClusterOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(CasesClusterOptions.Section, typeof(CasesClusterOptions), result.Failures);
        }

        return options;
    }
}
