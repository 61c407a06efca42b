using System.Collections.Immutable;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// What GET /api/feed must answer from a cursor's positions, computed from the model's events: for each region in
/// the caller's scope, the stored events after its position (a page of <c>limit</c>), interleaved oldest first,
/// walking past the events the caller's groups do not receive, and stopping where a full region page runs out.
/// Which events a caller receives is <see cref="Section3"/>'s rule, not the product's.
/// </summary>
public static class FeedOracle
{
    public static IReadOnlyList<string> ScopeOf(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role == UserRole.Admin ? CaseModel.Regions : user.Region is { } r && CaseModel.Regions.Contains(r) ? [r] : [];
    }

    public static (IReadOnlyList<ModelEvent> Items, ImmutableSortedDictionary<string, long> Next) Read(
        CaseModel model, UserRef user, ImmutableSortedDictionary<string, long> positions, int take)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(positions);
        var pages = ScopeOf(user)
            .Select(region => (Region: region, Events: model.Events(region).Where(e => e.Seq > positions.GetValueOrDefault(region)).Take(take).ToList()))
            .Select(p => (p.Region, p.Events, Full: p.Events.Count == take, Next: 0))
            .ToList();
        var items = new List<ModelEvent>();
        while (items.Count < take && !pages.Any(p => p.Full && p.Next == p.Events.Count))
        {
            var open = pages.Select((p, i) => (p, i)).Where(x => x.p.Next < x.p.Events.Count).ToList();
            if (open.Count == 0)
            {
                break;
            }

            var (page, index) = open
                .OrderBy(x => x.p.Events[x.p.Next].Timestamp)
                .ThenBy(x => x.p.Region, StringComparer.Ordinal)
                .First();
            var e = page.Events[page.Next];
            pages[index] = page with { Next = page.Next + 1 };
            positions = positions.SetItem(e.Region, e.Seq);
            if (Section3.Receives(user, e))
            {
                items.Add(e);
            }
        }

        return (items, positions);
    }

    /// <summary>The heads of the caller's scope: where a feed read without a cursor, or a list, says to follow on from.</summary>
    public static ImmutableSortedDictionary<string, long> Heads(CaseModel model, UserRef user)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ScopeOf(user).ToImmutableSortedDictionary(r => r, model.Head, StringComparer.Ordinal);
    }
}
