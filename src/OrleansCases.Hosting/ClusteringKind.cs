namespace OrleansCases.Hosting;

/// <summary>How silos find each other and clients find gateways.</summary>
public enum ClusteringKind
{
    /// <summary>One machine, fixed loopback ports: the default for development.</summary>
    Localhost,

    /// <summary>Membership in an Azure Storage table: several machines or processes.</summary>
    AzureTable,
}
