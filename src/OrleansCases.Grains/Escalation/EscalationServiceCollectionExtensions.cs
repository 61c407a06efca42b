using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.Escalation;

public static class EscalationServiceCollectionExtensions
{
    /// <summary>The escalation delays (<see cref="EscalationOptions"/>), checked at start.</summary>
    public static IServiceCollection AddCaseEscalation(this IServiceCollection services)
    {
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        return services;
    }
}
