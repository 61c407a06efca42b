namespace OrleansCases.Abstractions;

/// <summary>Where case events are published: one stream per region on one provider, named once here.</summary>
public static class CaseStreams
{
    /// <summary>The stream provider's name, the same on silos and clients.</summary>
    public const string ProviderName = "case-events";

    /// <summary>The stream namespace; the stream key is the region.</summary>
    public const string Namespace = "region";

    public static StreamId ForRegion(string region) => StreamId.Create(Namespace, region);
}
