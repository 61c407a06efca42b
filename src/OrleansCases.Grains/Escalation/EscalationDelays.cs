namespace OrleansCases.Grains.Escalation;

/// <summary>The escalation delay of each priority as configured: a TimeSpan, or "none" (<see cref="EscalationOptions"/>).</summary>
public sealed class EscalationDelays
{
    public string? Emergency { get; set; } = "00:05:00";

    public string? Urgent { get; set; } = "00:30:00";

    public string? Routine { get; set; } = "none";
}
