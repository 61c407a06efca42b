using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Presence;

/// <summary>
/// GET /api/presence: which of a region's CHWs and clinicians are online and when each was last seen (docs/design.md
/// section 9), for everyone of the region; admins name it. Everyone the directory knows is listed, seen or not.
/// </summary>
public static class PresenceApi
{
    public static RouteHandlerBuilder MapPresenceApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/presence", ListAsync).WithTags("Presence").WithName("ListPresence")
            .WithSummary("Which of a region's CHWs and clinicians are online, and when each was last seen.")
            .ProducesProblem(400).RequireAuthorization().AddEndpointFilter<DeadlineFilter>().RequireRateLimiting(RateLimitPolicies.PerUser);

    public static async Task<Results<Ok<PresenceResponse>, ProblemHttpResult>> ListAsync(
        Caller caller, HttpContext http, IClusterClient cluster, IUserDirectory directory, IOptions<CasesOptions> options, string? region)
    {
        var (listRegion, error) = RegionChoice.Of(caller.User, options.Value, region);
        if (error is not null)
        {
            return error;
        }

        var presence = cluster.GetGrain<IPresenceGrain>(listRegion!).ListAsync();
        var chws = directory.ListAsync(UserRole.Chw, listRegion!, http.RequestAborted);
        var clinicians = directory.ListAsync(UserRole.Clinician, listRegion!, http.RequestAborted);
        var known = (await presence).ToDictionary(e => e.User.Id, StringComparer.Ordinal);
        var people = (await chws).Concat(await clinicians).ToDictionary(u => u.Id, StringComparer.Ordinal);
        // Someone online whom the directory does not list (a user first recorded at this sign-in) is still shown.
        foreach (var entry in known.Values.Where(e => !people.ContainsKey(e.User.Id)))
        {
            people[entry.User.Id] = entry.User;
        }

        return TypedResults.Ok(new PresenceResponse([.. people.Values
            .OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)
            .Select(u => known.TryGetValue(u.Id, out var e)
                ? new PresenceItem(u.Id, u.Name, u.Role, e.Online, e.LastSeen)
                : new PresenceItem(u.Id, u.Name, u.Role, false, null))]));
    }
}
