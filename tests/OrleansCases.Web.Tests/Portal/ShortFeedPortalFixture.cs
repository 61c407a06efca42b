namespace OrleansCases.Web.Tests.Portal;

/// <summary>The portal on a silo that keeps only the last two events of a region once they are a second old.</summary>
public sealed class ShortFeedPortalFixture() : PortalFixture(new Dictionary<string, string?>
{
    ["ReadModel:FeedRetention:MinEvents"] = "2",
    ["ReadModel:FeedRetention:MinAge"] = "00:00:01",
});
