using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// The hub steps: WatchCase answers the case to anyone who may read it and fails, always with the same message, for
/// anyone else and for anything that is no case; UnwatchCase never fails; calls with wrong arguments or to no method
/// fail with a HubException; and none of them closes the connection.
/// </summary>
public sealed class HubSteps(CaseModel model, Breaks breaks, FuzzStats stats, LiveUsers live, Resolver resolver)
{
    private string? _notReadable;

    /// <summary>Learns the hub's one refusal message, from a case id that names nothing.</summary>
    public async Task LearnAsync()
    {
        var connection = live.All[0];
        var (error, _) = await InvokeAsync(connection, "WatchCase", resolver.Phantom());
        _notReadable = error;
        breaks.Check(error is not null, "hub", () => "WatchCase of no case did not fail");
    }

    public async Task WatchAsync(WatchStep step, HashSet<string> touched)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(touched);
        var connection = live.Of(step.User, step.Connection);
        var (id, target) = resolver.Case(step.Case);
        var readable = target is not null && Section3.MayRead(connection.User, target.Region, target.OwnerId);
        if (target is not null)
        {
            touched.Add(target.Id);
        }

        var (error, result) = await InvokeAsync(connection, "WatchCase", id);
        if (error is null)
        {
            if (!readable)
            {
                breaks.Add("isolation", $"{connection.Name} watched {id}, which {(target is null ? "is no case" : "they may not read")}");
                return;
            }

            connection.Watched(id, model.Step, watching: true);
            stats.Checked("watches");
            CheckWatched(connection, target!, result);
        }
        else
        {
            breaks.Check(!readable, "hub", () => $"{connection.Name} may read {id} but WatchCase failed: {error}");
            breaks.Check(error == _notReadable, readable || target is null ? "hub" : "isolation",
                () => $"WatchCase of {id} failed with '{error}', not the one message for every case one may not read ('{_notReadable}')");
        }
    }

    public async Task UnwatchAsync(UnwatchStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var connection = live.Of(step.User, step.Connection);

        // Mostly a case the connection watches: an unwatch that does not take must show in what arrives after it.
        var watching = connection.Watching;
        var id = watching.Count > 0 && step.Case.Pick % 4 != 0 ? watching[step.Case.Pick % watching.Count] : resolver.Case(step.Case).Id;
        var (error, _) = await InvokeAsync(connection, "UnwatchCase", id);
        breaks.Check(error is null, "hub", () => $"UnwatchCase({AnswerChecks.Clip(id)}) failed: {error}");
        connection.Watched(id, model.Step, watching: false);
    }

    public async Task GarbageAsync(HubGarbageStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var connection = live.Of(step.User, step.Connection);
        var (error, _) = step.Kind switch
        {
            HubGarbageKind.WatchNull => await InvokeAsync(connection, "WatchCase", (object?)null),
            HubGarbageKind.WatchNumber => await InvokeAsync(connection, "WatchCase", 42),
            HubGarbageKind.WatchTwoArguments => await InvokeAsync(connection, "WatchCase", resolver.Phantom(), "and more"),
            HubGarbageKind.WatchNoArgument => await InvokeAsync(connection, "WatchCase"),
            HubGarbageKind.UnknownMethod => await InvokeAsync(connection, "Teleport", resolver.Phantom()),
            HubGarbageKind.UnwatchNumber => await InvokeAsync(connection, "UnwatchCase", 42),
            _ => await InvokeAsync(connection, "WatchCase", new string('c', 20_000)),
        };
        breaks.Check(error is not null, "hub", () => $"{step.Kind} did not fail");
    }

    private void CheckWatched(LiveConnection connection, ModelCase target, object? result)
    {
        if (result is JsonElement json)
        {
            if (json.Deserialize<CaseResponse>(AnswerChecks.Json) is { } view)
            {
                CaseReads.Check(breaks, connection.User, target, view, "WatchCase");
            }
        }
        else if (result is IDictionary<object, object?> map)
        {
            // MessagePack: the same document as JSON (docs/design.md section 5), so the same checks.
            var view = MessagePackJson.From(map).Deserialize<CaseResponse>(AnswerChecks.Json);
            if (breaks.Check(view is not null && view.Id == target.Id, "hub", () => $"WatchCase over MessagePack answered {MessagePackJson.From(map)}"))
            {
                CaseReads.Check(breaks, connection.User, target, view!, "WatchCase over MessagePack");
            }
        }
        else
        {
            breaks.Add("hub", $"WatchCase answered {result?.GetType().Name ?? "null"}");
        }
    }

    /// <summary>Invokes a hub method; answers the HubException's message (null when it succeeded) and the result.</summary>
    private async Task<(string? Error, object? Result)> InvokeAsync(LiveConnection connection, string method, params object?[] args)
    {
        try
        {
            var result = await connection.Client.Connection.InvokeCoreAsync(method, connection.IsMessagePack ? typeof(object) : typeof(JsonElement), args);
            stats.HubCall("ok");
            return (null, result);
        }
        catch (HubException ex)
        {
            stats.HubCall("refused");
            return (ex.Message, null);
        }
        finally
        {
            breaks.Check(
                connection.Client.Connection.State == HubConnectionState.Connected, "hub",
                () => $"{connection.Name}'s connection is {connection.Client.Connection.State} after {method}");
        }
    }
}
