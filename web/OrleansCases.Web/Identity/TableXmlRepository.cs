using System.Xml.Linq;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Identity;

/// <summary>
/// The Data Protection key ring in an Azure table, shared by every web instance, so a cookie or antiforgery token
/// issued by one is read by all. One row per key (or revocation) element, in the partition of the application name.
/// Data Protection calls it synchronously, and rarely: at start and when the ring is refreshed.
/// </summary>
public sealed class TableXmlRepository : IXmlRepository
{
    public const string ApplicationName = "OrleansCases";
    /// <summary>The column holding a key (or revocation) element as XML text.</summary>
    internal const string XmlColumn = "Xml";

    private readonly Lazy<TableClient> _table;

    public TableXmlRepository(TableServiceClient tables, IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        var name = options.Value.DataProtectionTable;
        // PublicationOnly: a storage hiccup at first use is retried on the next call instead of being cached.
        _table = new(() =>
        {
            var table = tables.GetTableClient(name);
            table.CreateIfNotExists();
            return table;
        }, LazyThreadSafetyMode.PublicationOnly);
    }

    public IReadOnlyCollection<XElement> GetAllElements() =>
    [
        .. _table.Value
            .Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ApplicationName}"), select: [XmlColumn])
            .Select(row => row.GetString(XmlColumn))
            .Where(xml => !string.IsNullOrEmpty(xml))
            .Select(xml => XElement.Parse(xml)),
    ];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var row = new TableEntity(ApplicationName, RowKeyFor(friendlyName))
        {
            [XmlColumn] = element.ToString(SaveOptions.DisableFormatting),
        };
        _table.Value.UpsertEntity(row, TableUpdateMode.Replace);
    }

    /// <summary>Data Protection names keys "key-{guid}"; anything a row key cannot hold gets a fresh name.</summary>
    private static string RowKeyFor(string? friendlyName) =>
        friendlyName is { Length: > 0 and <= 200 } && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? friendlyName
            : Guid.NewGuid().ToString("N");
}
