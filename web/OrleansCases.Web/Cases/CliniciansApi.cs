using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Cases;

/// <summary>
/// GET /api/clinicians: whom a case of a region can be assigned to, so that people pick a name instead of typing
/// a user id. Callers see their own region's clinicians; admins name the region.
/// </summary>
public static class CliniciansApi
{
    public static RouteHandlerBuilder MapCliniciansApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/clinicians", ListAsync).WithTags("Cases").WithName("ListClinicians").WithSummary("Whom a case of a region can be assigned to.").ProducesProblem(400).RequireAuthorization().AddEndpointFilter<DeadlineFilter>().RequireRateLimiting(RateLimitPolicies.PerUser);

    public static async Task<Results<Ok<ClinicianListResponse>, ProblemHttpResult>> ListAsync(
        Caller caller, HttpContext http, IUserDirectory directory, IOptions<CasesOptions> options, string? region)
    {
        var (listRegion, error) = RegionChoice.Of(caller.User, options.Value, region);
        if (error is not null)
        {
            return error;
        }

        var clinicians = await directory.ListAsync(UserRole.Clinician, listRegion!, http.RequestAborted);
        return TypedResults.Ok(new ClinicianListResponse([.. clinicians.Select(UserResponse.From)]));
    }
}

/// <summary>The answer of GET /api/clinicians, ordered by name.</summary>
public sealed record ClinicianListResponse(IReadOnlyList<UserResponse> Items);
