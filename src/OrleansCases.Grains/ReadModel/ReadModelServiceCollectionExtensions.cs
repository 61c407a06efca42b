using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.ReadModel;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the read model's table, its feed retention and the grains' clock. The <c>TableServiceClient</c> it
    /// uses must be registered by the host, which decides the connection string and the pipeline (request counting,
    /// retries).
    /// </summary>
    public static IServiceCollection AddCaseReadModel(this IServiceCollection services)
    {
        services.AddOptions<ReadModelOptions>().BindConfiguration(ReadModelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReadModelOptions>, ReadModelOptionsValidator>();
        services.AddOptions<FeedRetentionOptions>().BindConfiguration(FeedRetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedRetentionOptions>, FeedRetentionOptionsValidator>();
        services.AddSingleton<CaseTable>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(CaseClock.Key, static (sp, _) => sp.GetRequiredService<TimeProvider>());
        return services;
    }
}
