using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.Reads;

/// <summary>
/// How long a case's read audit keeps each read (docs/design.md section 10), and how often each region's old reads are
/// swept away (a reminder per region, <see cref="ReadAuditSweepGrain"/>).
/// </summary>
public sealed class ReadAuditOptions
{
    public const string Section = "ReadAudit";

    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Checks <see cref="ReadAuditOptions"/> at start, generated from its attributes.</summary>
[OptionsValidator]
public sealed partial class ReadAuditOptionsValidator : IValidateOptions<ReadAuditOptions>;
