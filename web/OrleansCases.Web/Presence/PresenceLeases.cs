using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Live;

namespace OrleansCases.Web.Presence;

/// <summary>
/// This instance's leases on its users' presence and on the cases they have open: the hub tells a user's first
/// connection here and their last one closing, and each case opened and let go, at once; every
/// <see cref="PresenceTiming.Renewal"/> each region's grain hears the whole lists again, with this instance's callback
/// (<see cref="PresenceRelay"/>). An instance that dies stops renewing, and its users go
/// offline when their leases end. The instance id is new at every start, so a restarted instance never renews a
/// lease of its previous life.
/// </summary>
public sealed class PresenceLeases(
    IClusterClient cluster, ConnectionRegistry connections, PresenceRelay relay, IOptions<CasesOptions> options,
    ILogger<PresenceLeases> logger)
    : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    private IPresenceObserver? _callback;

    public async Task ConnectedAsync(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (PresenceScope.Covers(user))
        {
            await TellAsync(user.Region!, grain => grain.ConnectedAsync(_instance, user));
        }
    }

    /// <summary>A connection closed: its user may be gone from here, and the cases it alone had open let go.</summary>
    public async Task LeftAsync(Departure departure)
    {
        ArgumentNullException.ThrowIfNull(departure);
        if (departure.Last && PresenceScope.Covers(departure.User))
        {
            await TellAsync(departure.User.Region!, grain => grain.DisconnectedAsync(_instance, departure.User.Id));
        }

        foreach (var ended in departure.WatchesEnded)
        {
            await UnwatchedAsync(ended);
        }
    }

    /// <summary>A connection opened a case of <paramref name="region"/>; answers who has it open now (it included).</summary>
    public async Task<IReadOnlyList<UserRef>> WatchedAsync(CaseWatch watch, string region)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return await AskAsync(region, grain => grain.WatchAsync(_instance, watch), [watch.User]);
    }

    public Task UnwatchedAsync(WatchEnded ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        return TellAsync(ended.Region, grain => grain.UnwatchAsync(_instance, ended.CaseId, ended.UserId));
    }

    /// <summary>Passes a typing signal on a case of <paramref name="region"/> to every instance.</summary>
    public Task TypingAsync(string region, CaseTyping typing) => TellAsync(region, grain => grain.TypingAsync(typing));

    /// <summary>Who has a case of <paramref name="region"/> open: part of the answer of a read of the case.</summary>
    public Task<IReadOnlyList<UserRef>> ViewersAsync(string region, string caseId) =>
        AskAsync(region, grain => grain.ViewersAsync(caseId), []);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Held here for the life of the instance: Orleans keeps only a weak reference to an observer.
        _callback = cluster.CreateObjectReference<IPresenceObserver>(relay);
        using var timer = new PeriodicTimer(PresenceTiming.Renewal);
        try
        {
            do
            {
                await Task.WhenAll(options.Value.Regions.Select(region => RenewAsync(region, stoppingToken)));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RenewAsync(string region, CancellationToken stoppingToken)
    {
        var users = connections.UsersIn(region).Where(PresenceScope.Covers).ToList();
        var watches = connections.WatchesIn(region);
        try
        {
            // Bounded by the stop: with the cluster gone the call would wait for its response timeout.
            await cluster.GetGrain<IPresenceGrain>(region).RenewAsync(_instance, users, watches, _callback!).WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PresenceLog.RenewFailed(logger, region, ex);
        }
    }

    /// <summary>A one-way word to the region's grain; answers whether it got there.</summary>
    private Task<bool> TellAsync(string region, Func<IPresenceGrain, Task> call) =>
        AskAsync(region, async grain =>
        {
            await call(grain);
            return true;
        }, false);

    /// <summary>A call to the region's grain; with the cluster away, <paramref name="fallback"/>.</summary>
    private async Task<T> AskAsync<T>(string region, Func<IPresenceGrain, Task<T>> call, T fallback)
    {
        try
        {
            return await call(cluster.GetGrain<IPresenceGrain>(region));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection or the read itself is fine without presence, and the next renewal sets presence right.
            PresenceLog.ChangeFailed(logger, region, ex);
            return fallback;
        }
    }
}
