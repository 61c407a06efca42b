using System.Collections.Immutable;

namespace OrleansCases.Grains.Conversation;

/// <summary>What a user's read marks grain stores: per case, the message number read up to and when it was marked.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.ReadMarks")]
public sealed record ReadMarks
{
    [Id(0)]
    public ImmutableDictionary<string, ReadMark> Cases { get; init; } = ImmutableDictionary<string, ReadMark>.Empty.WithComparers(StringComparer.Ordinal);
}

/// <summary>One case's mark: read up to <see cref="UpTo"/>, marked at <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.ReadMark")]
public sealed record ReadMark([property: Id(0)] int UpTo, [property: Id(1)] DateTimeOffset At);
