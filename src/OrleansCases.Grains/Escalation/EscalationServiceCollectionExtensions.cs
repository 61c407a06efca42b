using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.Escalation;

public static class EscalationServiceCollectionExtensions
{
    /// <summary>
    /// The escalation delays (<see cref="EscalationOptions"/>), checked at start, and reminders allowed as often as the
    /// shortest of them: Orleans refuses periods under <see cref="ReminderOptions.MinimumReminderPeriod"/> (a minute by
    /// default, and it warns below that, as it should for delays of seconds).
    /// </summary>
    public static IServiceCollection AddCaseEscalation(this IServiceCollection services)
    {
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        services.AddOptions<ReminderOptions>().Configure<IOptions<EscalationOptions>>((reminders, escalation) =>
        {
            if (escalation.Value.Shortest is { } shortest && shortest < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = shortest;
            }
        });
        return services;
    }
}
