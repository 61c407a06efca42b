using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Queue;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Queue;

/// <summary>
/// GET /api/queue/summary: a region's review queue at a glance (docs/design.md section 10), for its CHWs and for admins,
/// who name the region; 403 for everyone else, and for a CHW who names another region.
/// </summary>
public static class QueueApi
{
    public static RouteHandlerBuilder MapQueueApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/queue/summary", SummaryAsync).WithTags("Queue").WithName("QueueSummary")
            .WithSummary("A region's review queue by priority: waiting, oldest waiting since, claim times over a day, escalations today.")
            .ProducesProblem(400).ProducesProblem(403)
            .RequireAuthorization().AddEndpointFilter<DeadlineFilter>().RequireRateLimiting(RateLimitPolicies.PerUser);

    public static async Task<Results<Ok<QueueSummaryResponse>, ProblemHttpResult>> SummaryAsync(
        Caller caller, IClusterClient cluster, IOptions<CasesOptions> options, string? region)
    {
        var user = caller.User;
        if (user.Role is not (UserRole.Chw or UserRole.Admin) || (user.Role == UserRole.Chw && region is not null && region != user.Region))
        {
            return Problems.Forbidden("The queue summary is for the region's CHWs and for admins.");
        }

        var (summaryRegion, error) = RegionChoice.Of(user, options.Value, region);
        if (error is not null)
        {
            return error;
        }

        var summary = await cluster.GetGrain<IQueueSummaryGrain>(summaryRegion!).GetAsync();
        return TypedResults.Ok(QueueSummaryResponse.From(summary));
    }
}
