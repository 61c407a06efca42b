using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// A real SignalR client (WebSockets) of one user against one web instance; it records every caseStatusUpdate,
/// presenceChanged, caseViewers, caseTyping and resync it receives, and lets a test await one with a timeout.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);
    private readonly Channel<JsonElement> _arrivals = Channel.CreateUnbounded<JsonElement>();
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly Channel<JsonElement> _messageArrivals = Channel.CreateUnbounded<JsonElement>();
    private readonly Dictionary<string, ConcurrentQueue<JsonElement>> _messages = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _resynced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _resyncs;

    private LiveClient(HubConnection connection, string userId, bool messagePack)
    {
        Connection = connection;
        UserId = userId;
        if (messagePack)
        {
            // MessagePack maps arrive as dictionaries; seen as JSON they must read exactly like the JSON protocol's.
            connection.On<Dictionary<object, object?>>("caseStatusUpdate", map =>
                Record(JsonSerializer.SerializeToElement(map.ToDictionary(p => (string)p.Key, p => p.Value))));
        }
        else
        {
            connection.On<JsonElement>("caseStatusUpdate", Record);
        }

        foreach (var method in new[] { "presenceChanged", "caseViewers", "caseTyping", "caseMessage", "caseMessagesRead", "caseSeen" })
        {
            var arrived = _messages[method] = new ConcurrentQueue<JsonElement>();
            connection.On<JsonElement>(method, e =>
            {
                arrived.Enqueue(e);
                _messageArrivals.Writer.TryWrite(e);
            });
        }
        connection.On<string>("resync", reason =>
        {
            Interlocked.Increment(ref _resyncs);
            _resynced.TrySetResult(reason);
        });
    }

    public HubConnection Connection { get; }

    public string UserId { get; }

    public int Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>Completes with the reason of the first <c>resync</c> this connection gets.</summary>
    public Task<string> FirstResync => _resynced.Task;

    /// <summary>Every event so far, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Received => [.. _received];

    public static Task<LiveClient> ConnectAsync(WebInstance web, string userId, bool messagePack = false, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(web);
        return ConnectAsync(web.Address, userId, token ?? TestTokens.For(web, TestTokens.User(userId)), messagePack);
    }

    /// <summary>Signs <paramref name="userId"/> in at any web (e.g. a <see cref="WebProcess"/>) and connects to its hub.</summary>
    public static async Task<LiveClient> SignInAsync(Uri web, string userId) =>
        await ConnectAsync(web, userId, await ApiClient.RequestTokenAsync(web, userId));

    /// <summary>Connects to the hub of any web (e.g. a <see cref="WebProcess"/>) with a token it accepts.</summary>
    public static async Task<LiveClient> ConnectAsync(Uri web, string userId, string token, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(web, "hubs/cases"), o =>
        {
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var client = new LiveClient(builder.Build(), userId, messagePack);
        await client.Connection.StartAsync();
        return client;
    }

    private void Record(JsonElement e)
    {
        _received.Enqueue(e);
        _arrivals.Writer.TryWrite(e);
    }

    /// <summary>Every presenceChanged so far, in arrival order (JSON protocol only).</summary>
    public IReadOnlyList<JsonElement> PresenceChanges => [.. _messages["presenceChanged"]];

    /// <summary>Every caseViewers so far, in arrival order (JSON protocol only).</summary>
    public IReadOnlyList<JsonElement> ViewerChanges => [.. _messages["caseViewers"]];

    /// <summary>Every caseTyping so far, in arrival order (JSON protocol only).</summary>
    public IReadOnlyList<JsonElement> TypingSignals => [.. _messages["caseTyping"]];

    /// <summary>Every caseMessage so far, in arrival order (JSON protocol only).</summary>
    public IReadOnlyList<JsonElement> CaseMessages => [.. _messages["caseMessage"]];

    /// <summary>The message numbers of <paramref name="caseId"/> received, every arrival, in arrival order.</summary>
    public IReadOnlyList<int> MessageNumbersOf(string caseId) =>
        [.. CaseMessages.Where(e => e.GetProperty("caseId").GetString() == caseId).Select(e => e.GetProperty("number").GetInt32())];

    /// <summary>Waits until message <paramref name="number"/> of <paramref name="caseId"/> has arrived.</summary>
    public Task<JsonElement> WaitForMessageAsync(string caseId, int number, TimeSpan timeout) =>
        WaitForMessageAsync(
            "caseMessage", e => e.GetProperty("caseId").GetString() == caseId && e.GetProperty("number").GetInt32() == number, timeout,
            $"message {number} of {caseId}");

    /// <summary>Waits until a caseMessagesRead saying <paramref name="userId"/> read <paramref name="caseId"/> up to <paramref name="upTo"/> has arrived.</summary>
    public Task<JsonElement> WaitForReadAsync(string caseId, string userId, int upTo, TimeSpan timeout) =>
        WaitForMessageAsync(
            "caseMessagesRead",
            e => e.GetProperty("caseId").GetString() == caseId && e.GetProperty("userId").GetString() == userId && e.GetProperty("upTo").GetInt32() == upTo,
            timeout, $"that {userId} read {caseId} up to {upTo}");

    /// <summary>Every caseSeen so far, in arrival order (JSON protocol only).</summary>
    public IReadOnlyList<JsonElement> SeenReceipts => [.. _messages["caseSeen"]];

    /// <summary>Waits until a caseSeen saying <paramref name="userId"/> saw <paramref name="caseId"/> has arrived.</summary>
    public Task<JsonElement> WaitForSeenAsync(string caseId, string userId, TimeSpan timeout) =>
        WaitForMessageAsync(
            "caseSeen", e => e.GetProperty("caseId").GetString() == caseId && e.GetProperty("userId").GetString() == userId, timeout,
            $"that {userId} saw {caseId}");

    /// <summary>Every caseMessagesRead so far, in arrival order (JSON protocol only).</summary>
    public IReadOnlyList<JsonElement> ReadReceipts => [.. _messages["caseMessagesRead"]];

    /// <summary>Waits until a caseTyping of <paramref name="userId"/> on <paramref name="caseId"/> has arrived.</summary>
    public Task<JsonElement> WaitForTypingAsync(string caseId, string userId, TimeSpan timeout) =>
        WaitForMessageAsync(
            "caseTyping", e => e.GetProperty("caseId").GetString() == caseId && e.GetProperty("userId").GetString() == userId, timeout,
            $"that {userId} is typing on {caseId}");

    /// <summary>Waits until a presenceChanged saying <paramref name="userId"/> is (or is not) <paramref name="online"/> has arrived.</summary>
    public Task<JsonElement> WaitForPresenceAsync(string userId, bool online, TimeSpan timeout) =>
        WaitForMessageAsync(
            "presenceChanged", e => e.GetProperty("userId").GetString() == userId && e.GetProperty("online").GetBoolean() == online, timeout,
            $"that {userId} is {(online ? "online" : "offline")}");

    /// <summary>Waits until a caseViewers of <paramref name="caseId"/> naming exactly <paramref name="viewerIds"/> has arrived.</summary>
    public Task<JsonElement> WaitForViewersAsync(string caseId, IReadOnlyCollection<string> viewerIds, TimeSpan timeout) =>
        WaitForMessageAsync(
            "caseViewers",
            e => e.GetProperty("caseId").GetString() == caseId
                && e.GetProperty("viewers").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)
                    .SequenceEqual(viewerIds.Order(StringComparer.Ordinal)),
            timeout, $"that {caseId} is open to [{string.Join(", ", viewerIds)}]");

    private Task<JsonElement> WaitForMessageAsync(string method, Func<JsonElement, bool> match, TimeSpan timeout, string what) =>
        WaitAsync(_messages[method], _messageArrivals, match, timeout, $"{UserId} was not told within {timeout} {what} ({method}).");

    /// <summary>Waits until an event of <paramref name="caseId"/> at <paramref name="version"/> has arrived.</summary>
    public Task<JsonElement> WaitForAsync(string caseId, int version) =>
        WaitAsync(_received, _arrivals, e => Is(e, caseId, version), _timeout, $"{UserId} did not receive version {version} of {caseId} within {_timeout}.");

    /// <summary>The first of <paramref name="arrived"/> that matches, waiting for each arrival until the timeout.</summary>
    private static async Task<JsonElement> WaitAsync(
        ConcurrentQueue<JsonElement> arrived, Channel<JsonElement> arrivals, Func<JsonElement, bool> match, TimeSpan timeout, string failure)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (arrived.FirstOrDefault(match) is { ValueKind: JsonValueKind.Object } found)
                {
                    return found;
                }

                await arrivals.Reader.WaitToReadAsync(cancel.Token);
                arrivals.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(failure);
            throw;
        }
    }

    /// <summary>
    /// The versions of <paramref name="caseId"/> received, every arrival: the bridge sends one copy per connection
    /// however many of an event's groups it is in, so a repeat here is a duplicate on the wire.
    /// </summary>
    public IReadOnlyList<int> VersionsOf(string caseId) =>
        [.. Received.Where(e => e.GetProperty("caseId").GetString() == caseId).Select(e => e.GetProperty("version").GetInt32())];

    private static bool Is(JsonElement e, string caseId, int version) =>
        e.GetProperty("caseId").GetString() == caseId && e.GetProperty("version").GetInt32() == version;

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
