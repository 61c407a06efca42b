using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;

namespace OrleansCases.Grains;

/// <summary>
/// Escalation (docs/design.md section 10). A case entering the review queue registers an Orleans reminder (Azure Table)
/// due at its priority's delay, with the delay as period. A tick reloads nothing it need not, and escalates only a case
/// that is still queued and due, through the same region log as every transition: when two silos (or two activations
/// in a failover) tick at once, the region log stores one level and refuses the other as stale, and the loser reloads
/// and finds the level done. After each level the reminder is set again from that level's time, so the next follows
/// one delay later, not at the reminder's first schedule. Claim and cancel need not touch the reminder: its next tick
/// finds the case out of the queue and removes it, which keeps a storage write off their answers.
/// </summary>
public sealed partial class CaseGrain : IRemindable
{
    private const string EscalationReminder = "escalation";

    // The reminder as this activation last set it, so that a re-arm or removal needs no read; null when unknown.
    private IGrainReminder? _escalation;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != EscalationReminder)
        {
            return;
        }

        await DecideAsync(async () =>
        {
            if (_case is not { Status: CaseStatus.ForwardedToClinician } queued || escalation.Value.DelayFor(queued.Priority) is not { } delay)
            {
                await DisarmAsync();
                return 0;
            }

            var now = clock.GetUtcNow();
            if (EscalationDue(queued, delay) > now)
            {
                // Early (a reminder set before the latest level, or a clock's jitter): wait for the level's own time.
                await ArmAsync(queued);
                return 0;
            }

            var decision = CaseLifecycle.DecideEscalation(queued, now);
            if (decision.Outcome != CaseCommandOutcome.Ok)
            {
                await DisarmAsync();
                return 0;
            }

            var next = await StoreAsync(decision, SystemActor.Id, $"escalate-{decision.Next!.Version}");
            GrainLog.Escalated(logger, next.Id, next.EscalationLevel, next.Version);
            metrics.Escalated(next.Region, next.Priority);
            await ArmAsync(next);
            return next.EscalationLevel;
        });
    }

    /// <summary>Whether <paramref name="change"/> puts its case into the review queue (forward, release).</summary>
    private bool EntersQueue(CaseChange change) =>
        change.Case.Status == CaseStatus.ForwardedToClinician && _case?.Status != CaseStatus.ForwardedToClinician;

    /// <summary>
    /// Sets the reminder for <paramref name="case"/>'s next level (from its last level, or from when it entered the
    /// queue), when its priority escalates at all. Setting it again changes nothing but its schedule.
    /// </summary>
    private async Task ArmAsync(CaseRecord @case)
    {
        if (escalation.Value.DelayFor(@case.Priority) is not { } delay)
        {
            return;
        }

        var due = EscalationDue(@case, delay) - clock.GetUtcNow();
        _escalation = await this.RegisterOrUpdateReminder(EscalationReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, delay);
    }

    /// <summary>Removes the reminder of a case that no longer waits in the queue.</summary>
    private async Task DisarmAsync()
    {
        var reminder = _escalation ?? await this.GetReminder(EscalationReminder);
        _escalation = null;
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
            GrainLog.EscalationDisarmed(logger, this.GetPrimaryKeyString());
        }
    }

    /// <summary>When a queued case's next level is due: a delay after its last level, or after it entered the queue.</summary>
    private DateTimeOffset EscalationDue(CaseRecord @case, TimeSpan delay)
    {
        var since = @case.EscalationLevel > 0
            ? _history.Take(@case.Version).Last(e => e.Action == CaseAction.Escalate).At
            : @case.WaitingSince ?? @case.UpdatedAt;
        return since + delay;
    }
}
