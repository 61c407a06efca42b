using System.ComponentModel.DataAnnotations;

namespace OrleansCases.Web.Http;

/// <summary>How long an API request may take (<see cref="DeadlineFilter"/>); its key is Cases:RequestTimeout.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Cases";

    /// <summary>
    /// Past this an API request is answered 503. Commands take milliseconds when storage is healthy; past this, the
    /// phone is better told to retry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
