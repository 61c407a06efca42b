using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansCases.Grains.Escalation;
using OrleansCases.Grains.Queue;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Grains.Reads;

namespace OrleansCases.Grains;

public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// What the case grains need besides Orleans: the read model (<see cref="ReadModelServiceCollectionExtensions"/>), the
    /// escalation delays, the read audit's retention and the queue summary's time zone (all checked at start), reminders
    /// as frequent as those need, and the grains' metrics.
    /// </summary>
    public static IServiceCollection AddCaseGrains(this IServiceCollection services)
    {
        services.AddCaseReadModel();
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        services.AddOptions<ReadAuditOptions>().BindConfiguration(ReadAuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReadAuditOptions>, ReadAuditOptionsValidator>();
        services.AddOptions<QueueSummaryOptions>().BindConfiguration(QueueSummaryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueueSummaryOptions>, QueueSummaryOptionsValidator>();
        // Orleans refuses reminder periods under MinimumReminderPeriod (a minute by default, and it warns below that, as
        // it should for the delays of seconds that tests use): allow the shortest period configured.
        services.AddOptions<ReminderOptions>().Configure<IOptions<EscalationOptions>, IOptions<ReadAuditOptions>>((reminders, escalation, audit) =>
        {
            var shortest = new[] { escalation.Value.Shortest, audit.Value.SweepInterval }.Where(p => p is not null).Min()!.Value;
            reminders.MinimumReminderPeriod = shortest < reminders.MinimumReminderPeriod ? shortest : reminders.MinimumReminderPeriod;
        });
        services.AddMetrics();
        services.TryAddSingleton<CaseMetrics>();
        return services;
    }
}
