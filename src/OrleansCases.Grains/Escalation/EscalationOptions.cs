using System.Globalization;
using OrleansCases.Abstractions;

namespace OrleansCases.Grains.Escalation;

/// <summary>
/// How long a case may wait unclaimed in the review queue before the system escalates it, per priority
/// (<c>Escalation:Delays:emergency</c>, <c>:urgent</c>, <c>:routine</c>; docs/design.md section 10). A delay is a
/// TimeSpan ("00:05:00") or "none" (never escalated). The same delay separates the levels that follow.
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    /// <summary>The configured delays, as written; read them through <see cref="DelayFor"/>.</summary>
    public EscalationDelays Delays { get; set; } = new();

    /// <summary>The delay of <paramref name="priority"/>, or null when its cases are never escalated.</summary>
    public TimeSpan? DelayFor(CasePriority priority) => Parse(priority switch
    {
        CasePriority.Emergency => Delays.Emergency,
        CasePriority.Urgent => Delays.Urgent,
        _ => Delays.Routine,
    });

    /// <summary>The shortest delay configured, or null when nothing is ever escalated.</summary>
    public TimeSpan? Shortest => Enum.GetValues<CasePriority>().Select(DelayFor).Where(d => d is not null).Min();

    /// <summary>What is wrong with the configured delays, one line each; empty when they hold.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (priority, text) in new[] { ("emergency", Delays.Emergency), ("urgent", Delays.Urgent), ("routine", Delays.Routine) })
        {
            if (!TryRead(text, out _))
            {
                yield return $"{Section}:Delays:{priority} is '{text}': give a TimeSpan above 00:00:00 and at most {MaxDelay.Days} days (e.g. 00:05:00), or 'none'.";
            }
        }
    }

    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);

    private static TimeSpan? Parse(string? text) => TryRead(text, out var delay) ? delay : null;

    /// <summary>A delay as written: "none" (or nothing) is null; otherwise a TimeSpan above zero and at most 30 days.</summary>
    private static bool TryRead(string? text, out TimeSpan? delay)
    {
        delay = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero && parsed <= MaxDelay)
        {
            delay = parsed;
            return true;
        }

        return false;
    }
}
