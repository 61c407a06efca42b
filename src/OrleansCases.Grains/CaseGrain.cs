using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains;

/// <summary>
/// One patient case. It checks a command in the order of design.md section 4, stores the new state together with
/// an outbox holding the change, then hands the change to its region log, and answers only once the log has stored
/// and published it. An outbox the log never confirmed (a crash, an outage) is re-sent on activation, by a timer
/// while active, and by a reminder that outlives the activation.
/// </summary>
public sealed class CaseGrain(
    [PersistentState("case", CaseStorage.Cases)] IPersistentState<CaseGrainState> state,
    CaseTable table,
    [FromKeyedServices(CaseClock.Key)] TimeProvider clock,
    CaseMetrics metrics,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain, IRemindable
{
    private const string OutboxReminder = "outbox";
    private static readonly TimeSpan _outboxRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _outboxReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly List<CaseHistoryEntry> _history = [];

    // Whether the region log has confirmed the outbox as it is now. False for an outbox read from storage: it may or
    // may not have reached the log before, and the log ignores what it already has.
    private bool _outboxConfirmed;
    private bool _reminderRegistered;
    private IGrainTimer? _retryTimer;

    private CaseRecord? Current => state.State.Case;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadHistoryAsync();
        await TrySendOutboxAsync();
    }

    public async Task<CaseCommandResult> CreateAsync(CreateCaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = CaseInputRules.Validate(command);
        if (errors.Count > 0)
        {
            return CaseCommandResult.Invalid(errors);
        }

        if (CaseIds.ForCreate(command.Actor.Id, command.CommandId) != this.GetPrimaryKeyString())
        {
            return CaseCommandResult.Invalid(new Dictionary<string, string[]>
            {
                ["commandId"] = ["does not match the case id; a case's id derives from its creator and commandId."],
            });
        }

        return await WithConflictRetryAsync(async () =>
        {
            if (Current is not null)
            {
                // Only this caller's create with this commandId can reach this grain: it is a replay.
                await SendOutboxAsync();
                return Replay(1, command.Actor);
            }

            var decision = CaseLifecycle.DecideCreate(this.GetPrimaryKeyString(), command, clock.GetUtcNow());
            return decision.Outcome == CaseCommandOutcome.Ok
                ? await CommitAsync(decision, command.Actor, command.CommandId)
                : ToResult(decision);
        });
    }

    public async Task<CaseCommandResult> ActAsync(CaseActionCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = CaseInputRules.Validate(command);
        if (errors.Count > 0)
        {
            return CaseCommandResult.Invalid(errors);
        }

        return await WithConflictRetryAsync(async () =>
        {
            if (Current is null || !CaseLifecycle.CanRead(Current, command.Actor))
            {
                return CaseCommandResult.NotFound;
            }

            await SendOutboxAsync();
            if (state.State.FindCommand(command.Actor.Id, command.CommandId) is { } mark)
            {
                return Replay(mark.Version, command.Actor);
            }

            if (command.ExpectedVersion is { } expected && expected != Current.Version)
            {
                return new CaseCommandResult(CaseCommandOutcome.VersionConflict, CurrentVersion: Current.Version);
            }

            var decision = CaseLifecycle.Decide(Current, command, clock.GetUtcNow());
            return decision.Outcome == CaseCommandOutcome.Ok
                ? await CommitAsync(decision, command.Actor, command.CommandId)
                : ToResult(decision);
        });
    }

    public Task<CaseView?> GetAsync(UserRef reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Task.FromResult(Current is not null && CaseLifecycle.CanRead(Current, reader) ? ViewOf(Current, reader) : null);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OutboxReminder)
        {
            // Set, so the stop below unregisters it even when this activation did not register it.
            _reminderRegistered = true;
            if (await TrySendOutboxAsync())
            {
                await StopOutboxRetryAsync();
            }
        }
    }

    /// <summary>
    /// Runs a command; when another activation wrote this case first (ETag conflict), reloads the winner's state and
    /// decides again, so the loser's command is judged against the stored case and nothing is lost.
    /// </summary>
    private async Task<CaseCommandResult> WithConflictRetryAsync(Func<Task<CaseCommandResult>> run)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await run();
            }
            catch (InconsistentStateException) when (attempt < 3)
            {
                GrainLog.WriteConflict(logger, this.GetPrimaryKeyString(), Current?.Version ?? 0);
                await state.ReadStateAsync();
                _outboxConfirmed = false;
                await LoadHistoryAsync();
            }
        }
    }

    private async Task<CaseCommandResult> CommitAsync(Decision decision, UserRef actor, string commandId)
    {
        var next = decision.Next!;
        var change = new CaseChange(next, decision.Entry!, Current?.AssigneeId);
        var previous = state.State;
        state.State = previous.After(change, actor.Id, commandId);
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            state.State = previous;
            throw;
        }
        catch (Exception ex)
        {
            state.State = previous;
            GrainLog.StateWriteFailed(logger, next.Id, next.Version, ex);
            throw new CaseUnavailableException("The case could not be stored; retry with the same commandId.", ex);
        }

        metrics.Stored(change.Entry.Action, next.Region);
        _history.Add(change.Entry);
        _outboxConfirmed = false;
        await SendOutboxAsync();
        return new CaseCommandResult(CaseCommandOutcome.Ok, ViewOf(next, actor));
    }

    /// <summary>Hands the outbox to the region log; throws <see cref="CaseUnavailableException"/> if it cannot.</summary>
    private async Task SendOutboxAsync()
    {
        if (!await TrySendOutboxAsync())
        {
            throw new CaseUnavailableException("The change is stored but not yet in the region's lists and feed; retry with the same commandId.");
        }
    }

    private async Task<bool> TrySendOutboxAsync()
    {
        var outbox = state.State.Outbox;
        if (_outboxConfirmed || outbox.Count == 0)
        {
            return true;
        }

        try
        {
            foreach (var change in outbox)
            {
                await GrainFactory.GetGrain<IRegionLogGrain>(change.Case.Region).AppendAsync(change);
            }
        }
        catch (Exception ex)
        {
            GrainLog.OutboxSendFailed(logger, this.GetPrimaryKeyString(), outbox[^1].Case.Version, ex);
            await ScheduleOutboxRetryAsync();
            return false;
        }

        // A command may have replaced the outbox while this one was on its way; only the one sent is confirmed.
        if (state.State.Outbox == outbox)
        {
            _outboxConfirmed = true;
            await StopOutboxRetryAsync();
        }

        return true;
    }

    private async Task ScheduleOutboxRetryAsync()
    {
        _retryTimer ??= this.RegisterGrainTimer(
            async () => await TrySendOutboxAsync(),
            new GrainTimerCreationOptions(_outboxRetry, _outboxRetry) { Interleave = false, KeepAlive = true });
        try
        {
            await this.RegisterOrUpdateReminder(OutboxReminder, _outboxReminderPeriod, _outboxReminderPeriod);
            _reminderRegistered = true;
        }
        catch (Exception ex)
        {
            // Storage is likely down too; the timer keeps trying while this activation lives.
            GrainLog.OutboxReminderFailed(logger, this.GetPrimaryKeyString(), ex);
        }
    }

    private async Task StopOutboxRetryAsync()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
        if (!_reminderRegistered)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(OutboxReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderRegistered = false;
        }
        catch (Exception ex)
        {
            // Harmless: the reminder finds a confirmed outbox, and unregisters itself then.
            GrainLog.OutboxReminderFailed(logger, this.GetPrimaryKeyString(), ex);
        }
    }

    /// <summary>Reads the stored history and adds what the outbox holds that the log may not have stored yet.</summary>
    private async Task LoadHistoryAsync()
    {
        _history.Clear();
        if (Current is null)
        {
            return;
        }

        _history.AddRange(await table.ReadHistoryAsync(Current.Region, Current.Id));
        foreach (var change in state.State.Outbox)
        {
            if (change.Entry.Version == _history.Count + 1)
            {
                _history.Add(change.Entry);
            }
        }

        if (_history.Count != Current.Version)
        {
            GrainLog.HistoryMismatch(logger, Current.Id, _history.Count, Current.Version);
        }
    }

    /// <summary>The answer a command that produced <paramref name="version"/> gave the first time.</summary>
    private CaseCommandResult Replay(int version, UserRef actor)
    {
        var entry = _history[version - 1];
        var then = Current! with
        {
            Status = entry.To,
            Version = version,
            AssigneeId = entry.AssigneeId,
            Facility = entry.Facility,
            UpdatedAt = entry.At,
        };
        return new CaseCommandResult(CaseCommandOutcome.Ok, ViewOf(then, actor), Replayed: true);
    }

    private CaseView ViewOf(CaseRecord record, UserRef user) =>
        new(record, _history.Take(record.Version).ToArray(), CaseLifecycle.AllowedActions(record, user));

    private CaseCommandResult ToResult(Decision decision) => decision.Outcome switch
    {
        CaseCommandOutcome.InvalidTransition => new(
            decision.Outcome, CurrentStatus: Current?.Status, CurrentVersion: Current?.Version, AllowedActions: decision.AllowedActions),
        CaseCommandOutcome.HistoryFull => new(decision.Outcome, CurrentVersion: Current?.Version),
        _ => new(decision.Outcome, Errors: decision.Errors),
    };
}
