using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// How long a region's feed keeps its events: an event is deleted only once it is BOTH older than
/// <see cref="MinAge"/> and more than <see cref="MinEvents"/> events behind the region's head, so a reader always
/// finds at least a day's and at least 10,000 events of a region (whichever is more) by default.
/// </summary>
public sealed class FeedRetentionOptions
{
    public const string Section = "ReadModel:FeedRetention";

    /// <summary>How many of a region's latest events are always kept.</summary>
    [Range(1, int.MaxValue)]
    public int MinEvents { get; set; } = 10_000;

    /// <summary>How long an event is kept at least, counted from when the region log stored it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MinAge { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>Checks <see cref="FeedRetentionOptions"/> at start, generated from its attributes.</summary>
[OptionsValidator]
public sealed partial class FeedRetentionOptionsValidator : IValidateOptions<FeedRetentionOptions>;
