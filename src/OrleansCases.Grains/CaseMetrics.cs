using System.Diagnostics.Metrics;
using OrleansCases.Abstractions;

namespace OrleansCases.Grains;

/// <summary>What the silo counts: transitions stored, by action and region; presence, by region.</summary>
public sealed class CaseMetrics
{
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _presenceChanges;
    private readonly UpDownCounter<long> _online;

    public CaseMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(CaseTelemetry.Name);
        _transitions = meter.CreateCounter<long>(
            "orleanscases.transitions", "{transition}", "Case transitions stored (creates included), by action and region.");
        _presenceChanges = meter.CreateCounter<long>(
            "orleanscases.presence.changes", "{change}", "CHWs and clinicians coming online or going offline, by region and online.");
        _online = meter.CreateUpDownCounter<long>(
            "orleanscases.presence.online", "{user}", "CHWs and clinicians online, by region (summed over the silos, one holds each region).");
    }

    /// <summary>A user came online (or went offline) in <paramref name="region"/>.</summary>
    public void PresenceChanged(string region, bool online)
    {
        var tag = new KeyValuePair<string, object?>("region", region);
        _presenceChanges.Add(1, tag, new KeyValuePair<string, object?>("online", online));
        _online.Add(online ? 1 : -1, tag);
    }

    /// <summary>A region's presence left this silo (a deactivation) with <paramref name="online"/> users online.</summary>
    public void PresenceLeft(string region, int online) =>
        _online.Add(-online, new KeyValuePair<string, object?>("region", region));

    public void Stored(CaseAction action, string region) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("action", WireName.Of(action)), new KeyValuePair<string, object?>("region", region));
}
