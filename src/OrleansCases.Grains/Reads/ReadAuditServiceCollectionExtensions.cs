using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.Reads;

public static class ReadAuditServiceCollectionExtensions
{
    /// <summary>The read audit's retention and sweep (<see cref="ReadAuditOptions"/>), checked at start.</summary>
    public static IServiceCollection AddCaseReadAudit(this IServiceCollection services)
    {
        services.AddOptions<ReadAuditOptions>().BindConfiguration(ReadAuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReadAuditOptions>, ReadAuditOptionsValidator>();
        return services;
    }
}
