using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.ReadModel;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the read model's table. The <c>TableServiceClient</c> it uses must be registered by the host, which
    /// decides the connection string and the pipeline (request counting, retries).
    /// </summary>
    public static IServiceCollection AddCaseReadModel(this IServiceCollection services)
    {
        services.AddOptions<ReadModelOptions>().BindConfiguration(ReadModelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReadModelOptions>, ReadModelOptionsValidator>();
        services.AddSingleton<CaseTable>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
