namespace OrleansCases.Web.Tests.Portal;

/// <summary>The portal on a silo whose urgent cases escalate every <see cref="Urgent"/> and emergencies every <see cref="Emergency"/>.</summary>
public sealed class EscalatingPortalFixture : PortalFixture
{
    public static TimeSpan Urgent { get; } = TimeSpan.FromSeconds(2);

    public static TimeSpan Emergency { get; } = TimeSpan.FromSeconds(4);

    public EscalatingPortalFixture()
        : base(new Dictionary<string, string?>
        {
            ["Escalation:Delays:Emergency"] = Emergency.ToString("c"),
            ["Escalation:Delays:Urgent"] = Urgent.ToString("c"),
        })
    {
    }
}
