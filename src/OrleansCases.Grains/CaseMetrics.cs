using System.Diagnostics.Metrics;
using OrleansCases.Abstractions;

namespace OrleansCases.Grains;

/// <summary>
/// What the silo counts: transitions and messages stored, read receipts, escalations, seen receipts, by region
/// (transitions by action too, escalations by priority); presence, by region. Never a message's text, nor who read what.
/// </summary>
public sealed class CaseMetrics
{
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _receipts;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _seen;
    private readonly Counter<long> _presenceChanges;
    private readonly UpDownCounter<long> _online;

    public CaseMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(CaseTelemetry.Name);
        _transitions = meter.CreateCounter<long>(
            "orleanscases.transitions", "{transition}", "Case transitions stored (creates included), by action and region.");
        _messages = meter.CreateCounter<long>(
            "orleanscases.messages", "{message}", "Messages of case conversations stored (replays not counted), by region and author role.");
        _receipts = meter.CreateCounter<long>(
            "orleanscases.messages.read", "{receipt}", "Read receipts that moved a reader's mark in a case's thread, by region.");
        _escalations = meter.CreateCounter<long>(
            "orleanscases.escalations", "{escalation}", "Cases escalated by the system for waiting unclaimed in the review queue, by region and priority.");
        _seen = meter.CreateCounter<long>(
            "orleanscases.cases.seen", "{receipt}", "Clinicians' first reads of cases (seen receipts), by region.");
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

    public void MessageStored(string region, UserRole author) =>
        _messages.Add(1, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("role", WireName.Of(author)));

    public void MessagesRead(string region) => _receipts.Add(1, new KeyValuePair<string, object?>("region", region));

    public void Escalated(string region, CasePriority priority) =>
        _escalations.Add(1, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("priority", WireName.Of(priority)));

    public void Seen(string region) => _seen.Add(1, new KeyValuePair<string, object?>("region", region));

    public void Stored(CaseAction action, string region) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("action", WireName.Of(action)), new KeyValuePair<string, object?>("region", region));
}
