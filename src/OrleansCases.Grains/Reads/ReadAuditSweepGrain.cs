using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains.Reads;

/// <summary>
/// Sweeps a region's read audit (docs/design.md section 10): a reminder every <see cref="ReadAuditOptions.SweepInterval"/>
/// deletes the reads older than the retention, so a case never read again loses its old reads too. The reminder is set
/// the first time a case of the region is read in an activation of its case grain, and then lives in the reminder
/// table: it survives restarts, and one silo at a time runs it.
/// </summary>
public sealed class ReadAuditSweepGrain(
    CaseTable table,
    IOptions<ReadAuditOptions> options,
    [FromKeyedServices(CaseClock.Key)] TimeProvider clock,
    ILogger<ReadAuditSweepGrain> logger) : Grain, IReadAuditSweepGrain, IRemindable
{
    private const string Reminder = "read-audit-sweep";

    // Rows deleted per sweep at most: a backlog is worked off over the following sweeps, never in one long turn.
    private const int MaxPerSweep = 5_000;

    private bool _scheduled;

    public async Task EnsureScheduledAsync()
    {
        if (_scheduled)
        {
            return;
        }

        var interval = options.Value.SweepInterval;
        await this.RegisterOrUpdateReminder(Reminder, interval, interval);
        _scheduled = true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Reminder)
        {
            return;
        }

        var region = this.GetPrimaryKeyString();
        var deleted = await table.PruneAuditAsync(region, clock.GetUtcNow() - options.Value.Retention, MaxPerSweep);
        GrainLog.AuditSwept(logger, region, deleted);
    }
}
