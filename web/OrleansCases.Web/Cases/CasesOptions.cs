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

    public bool Serves(string? region) => region is not null && Regions.Contains(region, StringComparer.Ordinal);
}

[OptionsValidator]
public sealed partial class CasesOptionsValidator : IValidateOptions<CasesOptions>;
