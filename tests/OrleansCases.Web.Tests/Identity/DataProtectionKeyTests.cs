using System.Net;
using System.Xml.Linq;
using Azure.Data.Tables;
using OrleansCases.Testing;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// The Data Protection keys, which sign and encrypt session cookies and antiforgery tokens, reach their table encrypted
/// with the configured certificate, and an instance with the certificate reads them back. Each test has a table of
/// its own, so the keys read are the ones its instances stored.
/// </summary>
[Trait("Category", "Web")]
public sealed class DataProtectionKeyTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    public static TheoryData<string> Formats => ["PEM", "PKCS#12"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task With_a_certificate_no_stored_key_holds_its_secret_in_plain_and_another_instance_reads_them(string format)
    {
        var table = NewTable();
        var settings = new Dictionary<string, string?>(format == "PEM" ? fixture.Certificate.PemSettings : fixture.Certificate.PfxSettings())
        {
            ["Auth:DataProtectionTable"] = table,
        };
        await using var first = fixture.Create("Development", settings);
        await using var second = fixture.Create("Development", settings);
        using var browser = new Browser(first.Address);
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync("asha.north")).StatusCode);

        var keys = StoredKeys(table);
        // Started only now, the second instance knows the ring from the table alone: it must decrypt it to read the cookie.
        using var elsewhere = new Browser(second.Address, browser.Cookies);
        var me = await elsewhere.GetAsync("/api/me");

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey");
            Assert.Contains(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
        });
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task In_development_without_a_certificate_the_keys_are_stored_unencrypted_and_the_web_warns_once()
    {
        var table = NewTable();
        using var logs = new LogCapture();
        await using var web = fixture.Create("Development", new Dictionary<string, string?> { ["Auth:DataProtectionTable"] = table }, logs);
        using var browser = new Browser(web.Address);

        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync("asha.north")).StatusCode);

        Assert.Contains(StoredKeys(table), key => key.Descendants().Any(e => e.Name.LocalName == "masterKey"));
        Assert.Single(logs.Lines, line => line.StartsWith("Warning ", StringComparison.Ordinal) && line.Contains("Auth:DataProtectionCertificate:Path", StringComparison.Ordinal));
    }

    private static string NewTable() => UniqueName.For("DpKeys");

    /// <summary>The key elements of a table, read as <see cref="TableXmlRepository"/> stores them: one XML text per row.</summary>
    private static List<XElement> StoredKeys(string table) =>
    [
        .. new TableClient(TestStorage.ConnectionString, table)
            .Query<TableEntity>(row => row.PartitionKey == TableXmlRepository.ApplicationName)
            .Select(row => XElement.Parse(row.GetString(TableXmlRepository.XmlColumn)))
            .Where(element => element.Name.LocalName == "key"),
    ];
}
