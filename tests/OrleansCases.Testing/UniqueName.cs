namespace OrleansCases.Testing;

/// <summary>
/// Names no other fixture or test uses: a ServiceId (clusters sharing one share stream subscriptions in storage,
/// PubSubStore), a read-model table, a region. Letters and digits only, since Azure queue and table names derive
/// from them.
/// </summary>
public static class UniqueName
{
    public static string For(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}
