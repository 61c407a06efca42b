using System.Diagnostics;
using System.Text.Json.Nodes;
using OrleansCases.Cluster.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Cluster.Tests;

/// <summary>
/// deploy/local/cluster.sh: two silos on Azure Table clustering, two webs (:5080, :5081), a silo killed outright
/// (SIGKILL) under load: 1,000 commands over 200 cases, each retried with its commandId until answered 2xx. Every
/// 2xx is in storage exactly once, both webs' clients converge to storage, and callers see at most 10 s of outage
/// after the kill with no attempt left waiting for a 30 s timeout. Once with Azure Queue streams, once with memory
/// streams.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class SiloFailoverTests(ITestOutputHelper output)
{
    private const int Cases = 200;
    private const int CommandsBeforeKill = 300;
    private static readonly TimeSpan _maxOutage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _responseTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _liveTimeout = TimeSpan.FromSeconds(10);

    // The traffic's first commands meet freshly started processes (JIT, first activations, first queue and table
    // requests) on a machine that may be running other test assemblies: getting under way is not what is measured.
    private static readonly TimeSpan _warmUpTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _completionTimeout = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("AzureQueue")]
    [InlineData("Memory")]
    public async Task A_silo_killed_under_load_loses_no_answered_command_and_clients_on_both_webs_converge_to_storage(string streams)
    {
        var clock = Stopwatch.StartNew();
        var outages = new OutageLog();
        await using var cluster = await ClusterScript.StartAsync(streams);
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

        // The load, and a silo killed outright in the middle of it.
        (ApiCaller, ApiCaller)[] pairs = [(asha, clinician), (asha2, clinician2), (asha, clinician2), (asha2, clinician)];
        var traffic = Traffic.Start([.. pairs, .. pairs], Cases);
        var trafficStarted = clock.Elapsed;
        await traffic.WaitUntilAsync(t => t.Acknowledged.Count >= CommandsBeforeKill, _warmUpTimeout, $"{CommandsBeforeKill} commands answered before the kill");
        output.WriteLine($"{streams} streams: {CommandsBeforeKill} commands answered in {(clock.Elapsed - trafficStarted).TotalSeconds:F1} s");
        var killedAt = DateTimeOffset.UtcNow;
        ProcessTable.Kill(cluster.PidOf("silo1"));
        var commandsBeforeKill = traffic.Acknowledged.Count;
        await traffic.CompletedAsync(_completionTimeout);
        var completedAt = DateTimeOffset.UtcNow;
        var acknowledged = traffic.Acknowledged;
        Assert.Equal(Cases * Traffic.CommandsPerCase, acknowledged.Count);

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

        // Exactly once: every command was answered 2xx in the end, retries included, and each case's history is its
        // commands in order, each stored once (versions gapless from 1).
        var versions = stored.ToDictionary(s => s.Key, s => s.Value["version"]!.GetValue<int>());
        foreach (var (id, @case) in stored)
        {
            var history = @case["history"]!.AsArray();
            Assert.Equal(Traffic.Actions, history.Select(h => h!["action"]!.GetValue<string>()));
            Assert.Equal(Enumerable.Range(1, Traffic.CommandsPerCase), history.Select(h => h!["version"]!.GetValue<int>()));
        }

        Assert.Equal(acknowledged.Count, versions.Values.Sum());

        // Delivered: both webs' clients end where storage is, soon after the load ends.
        versions[caseId] = 2;
        foreach (var portal in new[] { portal1, portal2 })
        {
            var differences = await portal.ConvergeAsync(versions, _liveTimeout);
            Assert.True(differences.Count == 0, $"{portal.Name} differs from storage on {differences.Count} cases: {string.Join("; ", differences.Take(10))}");
        }

        var converged = DateTimeOffset.UtcNow - completedAt;
        output.WriteLine($"{streams} streams: {acknowledged.Count} commands answered on {stored.Count} cases ({commandsBeforeKill} before the kill), {traffic.Workers} workers");
        var outage = outages.Since(killedAt);
        output.WriteLine($"failed attempts before the kill (getting under way): {outages.Before(killedAt)}; after: {outage}; longest attempt {outages.LongestAttempt.TotalSeconds:F1} s; slowest command {outages.Slowest.TotalSeconds:F1} s; every view equal to storage {converged.TotalSeconds:F1} s after the last answer (checks included)");
        Assert.True(outage.Length <= _maxOutage, $"Callers saw an outage of {outage.Length.TotalSeconds:F1} s after the kill (at most {_maxOutage.TotalSeconds} s): {outage}.");
        Assert.True(outages.LongestAttempt < _responseTimeout, $"An attempt waited {outages.LongestAttempt.TotalSeconds:F1} s for its answer.");
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
