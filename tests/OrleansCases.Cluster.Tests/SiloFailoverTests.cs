using System.Diagnostics;
using System.Text.Json.Nodes;
using OrleansCases.Cluster.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Cluster.Tests;

/// <summary>
/// Issue 5's acceptance on deploy/local/cluster.sh: two silos on Azure Table clustering, two webs (:5080, :5081),
/// a silo killed outright under steady traffic; design.md section 6's durable, idempotent and delivered guarantees.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class SiloFailoverTests(ITestOutputHelper output)
{
    private const int CommandsAfterOutage = 12;
    private static readonly TimeSpan _liveTimeout = TimeSpan.FromSeconds(10);

    // The traffic's first commands meet freshly started processes (JIT, first activations, first queue and table
    // requests) on a machine that may be running other test assemblies: getting under way is not what is measured.
    private static readonly TimeSpan _warmUpTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _recoveryTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _trafficAfterKill = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_silo_killed_under_traffic_loses_no_answered_command_and_clients_on_both_webs_converge_to_storage()
    {
        var clock = Stopwatch.StartNew();
        var outages = new OutageLog();
        await using var cluster = await ClusterScript.StartAsync();
        var processes = cluster.Processes();
        output.WriteLine($"cluster up in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", processes.Select(p => $"{p.Key} {p.Value}"))}");
        var (web1, web2) = (cluster.Webs[0], cluster.Webs[1]);

        using var asha = await ApiCaller.SignInAsync(web1, "asha.north", outages);
        using var asha2 = await ApiCaller.SignInAsync(web1, "asha2.north", outages);
        using var clinician = await ApiCaller.SignInAsync(web1, "clinician.north", outages);
        using var clinician2 = await ApiCaller.SignInAsync(web1, "clinician2.north", outages);
        using var chwOn1 = await ApiCaller.SignInAsync(web1, "chw.north", outages);
        using var chwOn2 = await ApiCaller.SignInAsync(web2, "chw.north", outages);
        await using var portal1 = await PortalClient.ConnectAsync(chwOn1);
        await using var portal2 = await PortalClient.ConnectAsync(chwOn2);

        // Live across instances: actions sent to web1 reach a client of web2.
        var created = await asha.SendAsync("/api/cases", new { patientRef = "P-live", summary = "Cough", priority = "urgent", commandId = Guid.NewGuid().ToString("N") });
        var caseId = created["id"]!.GetValue<string>();
        await asha.SendAsync($"/api/cases/{caseId}/actions/forward", new { commandId = Guid.NewGuid().ToString("N") });
        var opened = await portal2.WaitForAsync(caseId, 1, _liveTimeout);
        var forwarded = await portal2.WaitForAsync(caseId, 2, _liveTimeout);
        Assert.Equal(("Open", "create", "asha.north"), (opened.GetProperty("status").GetString(), opened.GetProperty("action").GetString(), opened.GetProperty("updatedBy").GetString()));
        Assert.Equal(("ForwardedToClinician", "Open", "forward"), (forwarded.GetProperty("status").GetString(), forwarded.GetProperty("previousStatus").GetString(), forwarded.GetProperty("action").GetString()));

        // Steady traffic, and a silo killed outright in the middle of it.
        var traffic = Traffic.Start([(asha, clinician), (asha2, clinician2), (asha, clinician2), (asha2, clinician)]);
        var trafficStarted = clock.Elapsed;
        await traffic.WaitUntilAsync(t => t.Acknowledged.Count >= 40, _warmUpTimeout, "40 commands answered before the kill");
        output.WriteLine($"40 commands answered in {(clock.Elapsed - trafficStarted).TotalSeconds:F1} s");
        var killedAt = DateTimeOffset.UtcNow;
        ProcessTable.Kill(cluster.PidOf("silo1"));
        var commandsBeforeKill = traffic.Acknowledged.Count;
        await traffic.WaitUntilAsync(
            t => DateTimeOffset.UtcNow - killedAt >= _trafficAfterKill
                && Enumerable.Range(0, t.Workers).All(w => t.AnsweredSince(w, outages.LastFailure ?? killedAt) >= CommandsAfterOutage),
            _recoveryTimeout,
            $"every worker answered {CommandsAfterOutage} commands sent after the last failure");
        await traffic.StopAsync();
        var acknowledged = traffic.Acknowledged;

        // Durable: every answered command is in storage, read back through the other web by a CHW (who reads every case).
        var stored = new Dictionary<string, JsonObject>();
        foreach (var id in acknowledged.Select(a => a.CaseId).Distinct())
        {
            stored[id] = await chwOn2.GetCaseAsync(id);
        }

        foreach (var ack in acknowledged)
        {
            var @case = stored[ack.CaseId];
            Assert.True(@case["version"]!.GetValue<int>() >= ack.Version, $"{ack.CaseId} answered version {ack.Version} ({ack.Action}) but storage holds {@case["version"]}.");
            var entry = @case["history"]!.AsArray().Single(h => h!["version"]!.GetValue<int>() == ack.Version);
            Assert.Equal(ack.Action, entry!["action"]!.GetValue<string>());
        }

        // Every command was answered 2xx in the end, so storage holds exactly the last answered version of each case.
        var versions = stored.ToDictionary(s => s.Key, s => s.Value["version"]!.GetValue<int>());
        foreach (var (id, version) in versions)
        {
            Assert.Equal(acknowledged.Where(a => a.CaseId == id).Max(a => a.Version), version);
        }

        // Delivered: both webs' clients end where storage is.
        versions[caseId] = 2;
        foreach (var portal in new[] { portal1, portal2 })
        {
            var differences = await portal.ConvergeAsync(versions, _liveTimeout);
            Assert.True(differences.Count == 0, $"{portal.Name} differs from storage on {differences.Count} cases: {string.Join("; ", differences.Take(10))}");
        }

        output.WriteLine($"{acknowledged.Count} commands answered on {versions.Count} cases ({commandsBeforeKill} before the kill), {traffic.Workers} workers");
        output.WriteLine($"failed attempts: {outages}; first {outages.FirstFailureAfter(killedAt)?.TotalSeconds:F1} s after the kill; outage seen by clients {outages.Outage.TotalSeconds:F1} s; slowest command {outages.Slowest.TotalSeconds:F1} s");
        foreach (var portal in new[] { portal1, portal2 })
        {
            output.WriteLine($"{portal.Name}: {portal.CaughtUpFromFeed} versions only through the feed, {portal.Resyncs} resyncs");
        }

        // Stopped with SIGTERM, the script leaves nothing behind.
        var exitCode = await cluster.StopAsync();
        var survivors = processes.Where(p => ProcessTable.CommandLineOf(p.Value) is not null).ToList();
        Assert.True(survivors.Count == 0, $"still running: {string.Join(", ", survivors.Select(p => $"{p.Key} ({p.Value}): {ProcessTable.CommandLineOf(p.Value)}"))}");
        output.WriteLine($"cluster.sh exited with {exitCode}; whole test {clock.Elapsed.TotalSeconds:F1} s");
        cluster.DeleteRunDirectory();
    }
}
