using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace OrleansCases.Abstractions.Streams;

/// <summary>
/// An <see cref="EventQueueItem"/> as the pulling agent caches and delivers it: with the position its receiver gave
/// it in the queue (one token per item, one sub-index per event), which the stream cache orders by.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.EventQueueBatch")]
public sealed record EventQueueBatch([property: Id(0)] EventQueueItem Item, [property: Id(1)] EventSequenceTokenV2 Token) : IBatchContainer
{
    public StreamId StreamId => Item.StreamId;

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Item.Events.OfType<T>().Select((e, i) => Tuple.Create(e, (StreamSequenceToken)Token.CreateSequenceTokenForEvent(i)));

    public bool ImportRequestContext()
    {
        if (Item.RequestContext is null)
        {
            return false;
        }

        RequestContextExtensions.Import(Item.RequestContext);
        return true;
    }
}
