using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Reads;

/// <summary>
/// A case's read audit (docs/design.md section 10): every read of its detail, newest first, for admins; 403 for the
/// case's other readers, 404 for anyone who may not read it.
/// </summary>
public static partial class ReadsApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapReadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/{id}/reads").WithTags("Read audit").RequireAuthorization().AddEndpointFilter<DeadlineFilter>();
        api.RequireRateLimiting(RateLimitPolicies.PerUser);
        api.MapGet("/", ListAsync)
            .WithName("ReadAudit").WithSummary("Who read the case's detail, when and how (api | hub), newest first: admins only.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    public static async Task<Results<Ok<ReadAuditResponse>, ProblemHttpResult>> ListAsync(
        string id, Caller caller, IClusterClient cluster, string? cursor, string? limit)
    {
        if (cursor is not null && !CursorShape().IsMatch(cursor))
        {
            return Problems.Invalid("cursor", "is not a cursor of this audit: pass nextCursor of the page before.");
        }

        if (!QueryLimit.TryRead(limit, 1, MaxLimit, out var take))
        {
            return Problems.Invalid("limit", $"must be 1 to {MaxLimit}.");
        }

        if (!CaseIds.IsWellFormed(id))
        {
            return Problems.NotFound();
        }

        var page = await cluster.GetGrain<ICaseGrain>(id).ReadAuditAsync(caller.User, cursor, take ?? DefaultLimit);
        return page.Outcome switch
        {
            ReadAuditOutcome.Ok => TypedResults.Ok(ReadAuditResponse.From(page)),
            ReadAuditOutcome.Forbidden => Problems.Forbidden("Only admins may list who read a case."),
            _ => Problems.NotFound(),
        };
    }

    // What the grain hands out as nextCursor: an inverted time of 19 digits and the read's random part.
    [GeneratedRegex("^[0-9]{19}\\|[0-9a-f]{8}$")]
    private static partial Regex CursorShape();
}
