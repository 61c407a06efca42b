using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Grains.Escalation;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains;

/// <summary>
/// One patient case. It checks a command in the order of docs/design.md section 4 against the case as its region stores
/// it, and hands the change to its region log, whose batch is the change's only write: the case's tip, history,
/// lists and feed row commit together, or not at all. So nothing is ever stored in the case without being in its
/// lists and feed, and a transition costs one storage write. The grain itself stores only where the case lives
/// (<see cref="CaseHome"/>, once, at create). Its conversation goes the same way (CaseGrain.Conversation.cs), and the
/// system's escalations of a case left waiting in the review queue too (CaseGrain.Escalation.cs).
/// </summary>
public sealed partial class CaseGrain(
    [PersistentState("home", CaseStorage.Cases)] IPersistentState<CaseHome> home,
    CaseTable table,
    [FromKeyedServices(CaseClock.Key)] TimeProvider clock,
    CaseMetrics metrics,
    IOptions<EscalationOptions> escalation,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    /// <summary>How many recent command ids a case remembers for idempotent replays.</summary>
    public const int RememberedCommands = 256;

    private const int DecideAttempts = 3;

    private readonly List<CaseHistoryEntry> _history = [];
    private readonly Queue<CommandMark> _commands = new();
    private CaseRecord? _case;

    // Read from storage the first time the conversation is used, then kept: most cases are never talked about.
    private Conversation.CaseThread? _thread;

    // False until the case is read from its region, and again whenever a change's fate is unknown (a failed or
    // refused append): what is in memory may then differ from what is stored.
    private bool _loaded;

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

        return await DecideAsync(async () =>
        {
            if (_case is not null)
            {
                // Only this caller's create with this commandId can reach this grain: it is a replay.
                return Replay(1, command.Actor);
            }

            var decision = CaseLifecycle.DecideCreate(this.GetPrimaryKeyString(), command, clock.GetUtcNow());
            if (decision.Outcome != CaseCommandOutcome.Ok)
            {
                return ToResult(decision);
            }

            await SetHomeAsync(decision.Next!.Region);
            return await CommitAsync(decision, command.Actor, command.CommandId);
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

        return await DecideAsync(async () =>
        {
            if (_case is null || !CaseLifecycle.CanRead(_case, command.Actor))
            {
                return CaseCommandResult.NotFound;
            }

            if (_commands.FirstOrDefault(m => m.CallerId == command.Actor.Id && m.CommandId == command.CommandId) is { } mark)
            {
                // The first answer may have been a 503 for a reminder that could not be set (StoreAsync): set it now.
                if (_escalation is null && _case.Status == CaseStatus.ForwardedToClinician)
                {
                    await ArmOrThrowAsync(_case);
                }

                return Replay(mark.Version, command.Actor);
            }

            if (command.ExpectedVersion is { } expected && expected != _case.Version)
            {
                return new CaseCommandResult(CaseCommandOutcome.VersionConflict, CurrentVersion: _case.Version);
            }

            var decision = CaseLifecycle.Decide(_case, command, clock.GetUtcNow());
            return decision.Outcome == CaseCommandOutcome.Ok
                ? await CommitAsync(decision, command.Actor, command.CommandId)
                : ToResult(decision);
        });
    }

    public async Task<CaseView?> GetAsync(UserRef reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await LoadAsync();
        return _case is not null && CaseLifecycle.CanRead(_case, reader) ? ViewOf(_case, reader) : null;
    }

    /// <summary>
    /// Decides a command on the stored case. When the region log refuses the change as stale (another activation
    /// of this case stored that version first), reloads the case and decides again: the loser's command is judged
    /// against what won, and nothing is lost or applied twice. A case that is still stale after the last attempt is a
    /// 503 to retry, never an exception of ours leaving the grain (a caller would see a 500).
    /// </summary>
    private async Task<T> DecideAsync<T>(Func<Task<T>> decide)
    {
        for (var attempt = 1; ; attempt++)
        {
            await LoadAsync();
            try
            {
                return await decide();
            }
            catch (StaleCaseException ex)
            {
                GrainLog.WriteConflict(logger, this.GetPrimaryKeyString(), _case?.Version ?? 0);
                _loaded = false;
                if (attempt == DecideAttempts)
                {
                    throw new CaseUnavailableException("The case kept changing under this command; retry with the same commandId.", ex);
                }
            }
        }
    }

    private async Task<CaseCommandResult> CommitAsync(Decision decision, UserRef actor, string commandId)
    {
        var next = await StoreAsync(decision, actor.Id, commandId);
        return new CaseCommandResult(CaseCommandOutcome.Ok, ViewOf(next, actor));
    }

    /// <summary>
    /// Stores a decided transition through the region log and takes it into memory; answers the case after it. A case
    /// entering the review queue sets its escalation reminder at the same time (two writes in parallel, not one after
    /// the other): when only the reminder fails, the change is stored but the caller is told to retry, and the replay
    /// sets it.
    /// </summary>
    private async Task<CaseRecord> StoreAsync(Decision decision, string actorId, string commandId)
    {
        var next = decision.Next!;
        var change = new CaseChange(next, decision.Entry!, PreviousAssigneeId: _case?.AssigneeId, CommandId: commandId)
        {
            WaitedSince = next.Status == CaseStatus.ForwardedToClinician ? null : _case?.WaitingSince,
        };
        var arming = EntersQueue(change) ? ArmAsync(next) : Task.CompletedTask;
        var appending = AppendAsync(change);
        Exception? unarmed = null;
        try
        {
            await Task.WhenAll(appending, arming);
        }
        catch (Exception ex) when (appending.IsCompletedSuccessfully)
        {
            _escalation = null;
            unarmed = ex;
            GrainLog.ReminderFailed(logger, next.Id, next.Version, ex);
        }

        _case = next;
        _history.Add(change.Entry);
        Remember(new CommandMark(actorId, commandId, next.Version));
        metrics.Stored(change.Entry.Action, next.Region);
        if (unarmed is not null)
        {
            throw new CaseUnavailableException("The change is stored but its escalation could not be scheduled; retry with the same commandId.", unarmed);
        }

        return next;
    }

    /// <summary>Sets the reminder of a queued case, or tells the caller to retry.</summary>
    private async Task ArmOrThrowAsync(CaseRecord @case)
    {
        try
        {
            await ArmAsync(@case);
        }
        catch (Exception ex)
        {
            GrainLog.ReminderFailed(logger, @case.Id, @case.Version, ex);
            throw new CaseUnavailableException("The case's escalation could not be scheduled; retry with the same commandId.", ex);
        }
    }

    /// <summary>Hands a change to the region log; answers once it is stored, throws when it may not be.</summary>
    private async Task AppendAsync(CaseChange change)
    {
        CaseAppended appended;
        try
        {
            appended = await GrainFactory.GetGrain<IRegionLogGrain>(change.Case.Region).AppendAsync(change);
        }
        catch (Exception ex)
        {
            // It may have been stored or not: read the case again before deciding anything else.
            _loaded = false;
            GrainLog.AppendFailed(logger, change.Case.Id, change.Case.Version, ex);
            throw new CaseUnavailableException("The change may or may not be stored; retry with the same commandId.", ex);
        }

        if (appended.Stale)
        {
            throw new StaleCaseException();
        }
    }

    /// <summary>Records the case's region before its first change is stored there, so that the grain finds it again.</summary>
    private async Task SetHomeAsync(string region)
    {
        if (home.State.Region == region)
        {
            return;
        }

        var previous = home.State;
        home.State = new CaseHome { Region = region };
        try
        {
            try
            {
                await home.WriteStateAsync();
            }
            catch (InconsistentStateException)
            {
                // Another activation wrote it first, or our own write whose answer was lost (storage came back after a
                // timeout): take what is stored and decide again. A failure of that read is a failure to store.
                await home.ReadStateAsync();
                throw new StaleCaseException();
            }
        }
        catch (Exception ex) when (ex is not StaleCaseException)
        {
            home.State = previous;
            GrainLog.HomeWriteFailed(logger, this.GetPrimaryKeyString(), ex);
            throw new CaseUnavailableException("The case could not be stored; retry with the same commandId.", ex);
        }
    }

    /// <summary>Reads the case, its history and its recent commands from its region, unless memory holds them already.</summary>
    private async Task LoadAsync()
    {
        if (_loaded)
        {
            return;
        }

        _case = null;
        _thread = null;
        _seen = null;
        _history.Clear();
        _commands.Clear();
        if (home.State.Region is { } region)
        {
            StoredCase? stored;
            try
            {
                stored = await table.ReadCaseAsync(region, this.GetPrimaryKeyString());
            }
            catch (Exception ex)
            {
                throw new CaseUnavailableException("The case could not be read; try again.", ex);
            }

            if (stored is not null)
            {
                _case = stored.Tip.Case;
                foreach (var (entry, _, commandId) in stored.History)
                {
                    _history.Add(entry);
                    if (commandId is not null)
                    {
                        Remember(new CommandMark(entry.By, commandId, entry.Version));
                    }
                }

                if (_history.Count != _case.Version)
                {
                    GrainLog.HistoryMismatch(logger, _case.Id, _history.Count, _case.Version);
                }
            }
        }

        _loaded = true;
    }

    private void Remember(CommandMark mark)
    {
        if (_commands.Count == RememberedCommands)
        {
            _commands.Dequeue();
        }

        _commands.Enqueue(mark);
    }

    /// <summary>The answer a command that produced <paramref name="version"/> gave the first time.</summary>
    private CaseCommandResult Replay(int version, UserRef actor)
    {
        var entry = _history[version - 1];
        var (level, waitingSince) = CaseLifecycle.QueueAfter(_history.Take(version));
        var then = _case! with
        {
            Status = entry.To,
            Version = version,
            AssigneeId = entry.AssigneeId,
            Facility = entry.Facility,
            UpdatedAt = entry.At,
            EscalationLevel = level,
            WaitingSince = waitingSince,
        };
        return new CaseCommandResult(CaseCommandOutcome.Ok, ViewOf(then, actor), Replayed: true);
    }

    private CaseView ViewOf(CaseRecord record, UserRef user) =>
        new(record, _history.Take(record.Version).ToArray(), CaseLifecycle.AllowedActions(record, user));

    private CaseCommandResult ToResult(Decision decision) => decision.Outcome switch
    {
        CaseCommandOutcome.InvalidTransition => new(
            decision.Outcome, CurrentStatus: _case?.Status, CurrentVersion: _case?.Version, AllowedActions: decision.AllowedActions),
        CaseCommandOutcome.HistoryFull => new(decision.Outcome, CurrentVersion: _case?.Version),
        _ => new(decision.Outcome, Errors: decision.Errors),
    };

    /// <summary>The case in memory is not the stored one: reload and decide again (never leaves the grain).</summary>
    private sealed class StaleCaseException : Exception;
}
