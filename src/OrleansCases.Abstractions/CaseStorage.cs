namespace OrleansCases.Abstractions;

/// <summary>Names of the grain storage providers, the same wherever a silo is configured.</summary>
public static class CaseStorage
{
    /// <summary>Grain state of cases and region logs.</summary>
    public const string Cases = "cases";

    /// <summary>Stream subscriptions; Orleans looks this name up itself.</summary>
    public const string PubSub = "PubSubStore";
}
