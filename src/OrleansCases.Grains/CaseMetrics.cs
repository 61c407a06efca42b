using System.Diagnostics.Metrics;
using OrleansCases.Abstractions;

namespace OrleansCases.Grains;

/// <summary>What the silo counts: transitions stored, by action and region.</summary>
public sealed class CaseMetrics
{
    private readonly Counter<long> _transitions;

    public CaseMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(CaseTelemetry.Name);
        _transitions = meter.CreateCounter<long>(
            "orleanscases.transitions", "{transition}", "Case transitions stored (creates included), by action and region.");
    }

    public void Stored(CaseAction action, string region) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("action", WireName.Of(action)), new KeyValuePair<string, object?>("region", region));
}
