using Azure;

namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// A region's head row: its last sequence number, its retention floor (the highest pruned seq; feed rows up to it
/// are gone, every one after it is stored), when its last batch was stored, and the ETag that guards it.
/// <see cref="At"/> is null before the first change.
/// </summary>
public sealed record RegionHead(long Seq, long Floor, DateTimeOffset? At, ETag? ETag)
{
    public static RegionHead Empty { get; } = new(0, 0, null, null);
}
