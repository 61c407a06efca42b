namespace OrleansCases.Web.Tests.Support;

/// <summary>Two silos and two webs (<see cref="TwoSilosTwoWebsFixture"/>) whose emergency cases escalate every <see cref="Delay"/>.</summary>
public sealed class EscalatingTwoSilosFixture : TwoSilosTwoWebsFixture
{
    public static TimeSpan Delay { get; } = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string?> SiloSettings { get; } = new Dictionary<string, string?>
    {
        ["Escalation:Delays:Emergency"] = Delay.ToString("c"),
        ["Escalation:Delays:Urgent"] = "none",
    };
}
