using Microsoft.Extensions.Options;
using Xunit;

namespace OrleansCases.Silo.Tests;

/// <summary>A silo with a bad setting refuses to start and names the setting; it never half-starts.</summary>
[Trait("Category", "Silo")]
public sealed class OptionsTests
{
    [Theory]
    [InlineData("Cluster:ServiceId", "Orleans_Cases", "ServiceId")]
    [InlineData("Cluster:ClusterId", "", "ClusterId")]
    [InlineData("Cluster:SiloPort", "70000", "SiloPort")]
    [InlineData("Storage:ConnectionString", "", "ConnectionString")]
    [InlineData("ReadModel:TableName", "no-dashes", "TableName")]
    [InlineData("ReadModel:FeedRetention:MinEvents", "0", "MinEvents")]
    [InlineData("ReadModel:FeedRetention:MinAge", "00:00:00", "MinAge")]
    [InlineData("Escalation:Delays:Emergency", "5 minutes", "Escalation:Delays:emergency")]
    [InlineData("Escalation:Delays:Urgent", "-00:30:00", "Escalation:Delays:urgent")]
    [InlineData("Escalation:Delays:Routine", "00:00:00", "Escalation:Delays:routine")]
    [InlineData("ReadAudit:Retention", "00:00:00", "Retention")]
    [InlineData("ReadAudit:SweepInterval", "31.00:00:00", "SweepInterval")]
    [InlineData("QueueSummary:TimeZone", "India/Mumbai", "QueueSummary:TimeZone")]
    public void A_bad_setting_stops_the_silo_from_starting_with_a_message_naming_it(string key, string value, string named)
    {
        using var silo = new SiloFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => silo.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(error));
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_clustering_kind_stops_the_silo_from_starting()
    {
        using var silo = new SiloFactory(new Dictionary<string, string?> { ["Cluster:Clustering"] = "Zookeeper" });

        var error = Assert.ThrowsAny<Exception>(() => silo.CreateClient());

        Assert.Contains("Clustering", Unwrap(error).Message, StringComparison.Ordinal);
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions: [var inner] } ? Unwrap(inner) : error;
}
