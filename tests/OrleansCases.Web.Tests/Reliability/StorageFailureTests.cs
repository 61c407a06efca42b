using System.Net;
using Azure.Data.Tables;
using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

[Trait("Category", "Web")]
public sealed class StorageFailureTests(FaultsFixture fixture) : IClassFixture<FaultsFixture>
{
    [Fact]
    public async Task Lists_feed_and_queue_summary_reads_that_storage_fails_answer_503_with_retry_after_not_500()
    {
        using var chw = new ApiClient(fixture.Web, "chw.north");
        await chw.CreateAsync();
        var cursor = (await ApiClient.ExpectAsync(await chw.GetAsync("/api/cases?view=region"), HttpStatusCode.OK))["feedCursor"]!;

        // Storage answers every read of the read model with an error at once (its table is gone).
        var tables = new TableServiceClient(TestStorage.ConnectionString);
        await tables.DeleteTableAsync(fixture.Table);
        try
        {
            // (GET /api/feed without a cursor answers the heads its region logs hold in memory: no storage read.)
            foreach (var path in new[] { "/api/cases?view=region", $"/api/feed?after={cursor}", "/api/queue/summary" })
            {
                var response = await chw.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path} answered {(int)response.StatusCode}.");
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        finally
        {
            await tables.CreateTableIfNotExistsAsync(fixture.Table);
        }
    }
}
