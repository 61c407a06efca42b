using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.ReadModel;

/// <summary>Where the region logs keep lists, history and feed.</summary>
public sealed class ReadModelOptions
{
    public const string Section = "ReadModel";

    /// <summary>Azure Table name; letters and digits only, 3 to 63 of them.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; set; } = "CaseIndex";
}

/// <summary>Checks <see cref="ReadModelOptions"/> at start, generated from its attributes.</summary>
[OptionsValidator]
public sealed partial class ReadModelOptionsValidator : IValidateOptions<ReadModelOptions>;
