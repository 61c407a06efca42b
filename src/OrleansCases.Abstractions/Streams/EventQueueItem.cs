namespace OrleansCases.Abstractions.Streams;

/// <summary>What a producer put on an event queue: one stream's events of one publish, and the caller's request context.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.EventQueueItem")]
public sealed record EventQueueItem(
    [property: Id(0)] StreamId StreamId,
    [property: Id(1)] IReadOnlyList<object> Events,
    [property: Id(2)] Dictionary<string, object>? RequestContext);
