namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// Names no other fixture uses: a ServiceId (clusters sharing one share stream subscriptions in storage, PubSubStore),
/// a read-model table. Letters and digits only, since Azure queue and table names derive from them.
/// </summary>
internal static class UniqueName
{
    public static string For(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}
