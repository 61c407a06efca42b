using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansCases.Grains.Escalation;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains;

public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// What the case grains need besides Orleans: the read model (<see cref="ReadModelServiceCollectionExtensions"/>), the
    /// escalation delays (<see cref="EscalationServiceCollectionExtensions"/>) and their metrics.
    /// </summary>
    public static IServiceCollection AddCaseGrains(this IServiceCollection services)
    {
        services.AddCaseReadModel();
        services.AddCaseEscalation();
        services.AddMetrics();
        services.TryAddSingleton<CaseMetrics>();
        return services;
    }
}
