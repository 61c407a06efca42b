using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Cases;

/// <summary>The regions this web instance serves: it bridges their streams and answers their feeds.</summary>
public sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>Region names: lowercase letters, digits and '-'.</summary>
    [Required, MinLength(1)]
    public string[] Regions { get; set; } = [];

    /// <summary>
    /// How long an API request may take before it is answered 503 (<see cref="DeadlineFilter"/>). Commands take
    /// milliseconds when storage is healthy; past this, the phone is better told to retry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public bool Serves(string? region) => region is not null && Regions.Contains(region, StringComparer.Ordinal);
}

[OptionsValidator]
public sealed partial class CasesOptionsValidator : IValidateOptions<CasesOptions>;
