using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrleansCases.Hosting;

/// <summary>Azure Storage (Azurite in development): grain state, read model, clustering, reminders, queues.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string; never logged.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";
}

[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
