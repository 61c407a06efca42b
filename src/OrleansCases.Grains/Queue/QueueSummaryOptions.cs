using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.Queue;

/// <summary>
/// Where "today" begins for the queue summary's escalations (docs/design.md section 10): midnight in
/// <see cref="TimeZone"/>, an IANA id such as <c>Asia/Kolkata</c>; UTC unless configured.
/// </summary>
public sealed class QueueSummaryOptions
{
    public const string Section = "QueueSummary";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>The start of the day that <paramref name="now"/> falls in, in the configured time zone.</summary>
    public DateTimeOffset DayStart(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var midnight = TimeZoneInfo.ConvertTime(now, zone).Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}

/// <summary>Stops the silo at start on a time zone this machine does not know, rather than at the first summary.</summary>
public sealed class QueueSummaryOptionsValidator : IValidateOptions<QueueSummaryOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueSummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{QueueSummaryOptions.Section}:TimeZone '{options.TimeZone}' is not a time zone this machine knows (an IANA id such as Asia/Kolkata, or UTC).");
    }
}
