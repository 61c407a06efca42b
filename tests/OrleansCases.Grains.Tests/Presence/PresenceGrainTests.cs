using System.Threading.Channels;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Presence;

/// <summary>
/// The region's presence grain on its own, as two web instances would call it: leases per instance, the grace after a
/// last connection, and a renewal that a newer connection overtook.
/// </summary>
[Trait("Category", "Grains")]
public sealed class PresenceGrainTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private static readonly TimeSpan Wait = PresenceTiming.Grace + PresenceTiming.Sweep + TimeSpan.FromSeconds(10);
    private readonly Region _r = new();

    [Fact]
    public async Task A_user_held_by_two_instances_stays_online_when_one_lets_go_and_goes_offline_after_the_grace_of_the_last()
    {
        var (grain, changes) = Start();
        var callback = changes.Reference;
        await grain.RenewAsync("a", [], [], callback);
        await grain.ConnectedAsync("a", _r.Clinician);
        await grain.ConnectedAsync("b", _r.Clinician);
        await changes.NextAsync(_r.Clinician.Id, online: true);

        await grain.DisconnectedAsync("a", _r.Clinician.Id);
        await ProbeAsync(grain, changes);
        Assert.True(await OnlineAsync(grain, _r.Clinician.Id));

        var before = DateTimeOffset.UtcNow;
        await grain.DisconnectedAsync("b", _r.Clinician.Id);
        var offline = await changes.NextAsync(_r.Clinician.Id, online: false);
        Assert.True(offline.LastSeen >= before.AddSeconds(-1));
        Assert.False(await OnlineAsync(grain, _r.Clinician.Id));
    }

    [Fact]
    public async Task A_renewal_overtaken_by_a_new_connection_does_not_take_it_offline()
    {
        var (grain, changes) = Start();
        await grain.RenewAsync("a", [], [], changes.Reference);
        await grain.ConnectedAsync("a", _r.Chw);
        await changes.NextAsync(_r.Chw.Id, online: true);

        // The instance took its list just before the connection came; the list reaches the grain after the connection.
        await grain.RenewAsync("a", [], [], changes.Reference);
        await ProbeAsync(grain, changes);
        Assert.True(await OnlineAsync(grain, _r.Chw.Id));
        Assert.DoesNotContain(changes.Seen, c => c.User.Id == _r.Chw.Id && !c.Online);
    }

    [Fact]
    public async Task Ashas_admins_and_other_regions_users_are_not_kept()
    {
        var (grain, changes) = Start();
        await grain.RenewAsync("a", [_r.Asha, Region.Admin, new Region().Chw], [], changes.Reference);
        await grain.ConnectedAsync("a", _r.Clinician2);
        await changes.NextAsync(_r.Clinician2.Id, online: true);

        Assert.Equal([_r.Clinician2.Id], (await grain.ListAsync()).Select(e => e.User.Id));
        Assert.All(changes.Seen, c => Assert.Equal(_r.Clinician2.Id, c.User.Id));
    }

    private (IPresenceGrain Grain, Changes Changes) Start() =>
        (fixture.Client.GetGrain<IPresenceGrain>(_r.Name), new Changes(fixture.Client));

    /// <summary>
    /// A user who comes and goes after everything before: once the grain says they are offline, every grace that began
    /// earlier has ended too (one sweep ends them in order), so what is still online then will stay so.
    /// </summary>
    private async Task ProbeAsync(IPresenceGrain grain, Changes changes)
    {
        var probe = _r.User($"probe{Guid.NewGuid():N}"[..12], UserRole.Clinician);
        await grain.ConnectedAsync("a", probe);
        await grain.DisconnectedAsync("a", probe.Id);
        await changes.NextAsync(probe.Id, online: false);
    }

    private static async Task<bool> OnlineAsync(IPresenceGrain grain, string userId) =>
        (await grain.ListAsync()).Single(e => e.User.Id == userId).Online;

    /// <summary>A web instance's callback, as the grain sees it: the changes it is told, awaited with a timeout.</summary>
    private sealed class Changes : IPresenceObserver
    {
        private readonly Channel<PresenceEntry> _arrivals = Channel.CreateUnbounded<PresenceEntry>();
        private readonly List<PresenceEntry> _seen = [];

        public Changes(IClusterClient client) => Reference = client.CreateObjectReference<IPresenceObserver>(this);

        public IPresenceObserver Reference { get; }

        public IReadOnlyList<PresenceEntry> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public Task PresenceChanged(PresenceEntry entry)
        {
            lock (_seen)
            {
                _seen.Add(entry);
            }

            _arrivals.Writer.TryWrite(entry);
            return Task.CompletedTask;
        }

        public Task ViewersChanged(string caseId, IReadOnlyList<UserRef> viewers) => Task.CompletedTask;

        public Task Typing(CaseTyping typing) => Task.CompletedTask;

        public Task MessagesRead(CaseMessagesRead read) => Task.CompletedTask;

        public Task CaseSeen(CaseSeenNotice seen) => Task.CompletedTask;

        public async Task<PresenceEntry> NextAsync(string userId, bool online)
        {
            using var timeout = new CancellationTokenSource(Wait);
            while (Seen.FirstOrDefault(e => e.User.Id == userId && e.Online == online) is null)
            {
                await _arrivals.Reader.WaitToReadAsync(timeout.Token);
                _arrivals.Reader.TryRead(out _);
            }

            return Seen.First(e => e.User.Id == userId && e.Online == online);
        }
    }
}
