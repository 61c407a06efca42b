using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Cases;

/// <summary>
/// The region a read of region-wide facts is about (clinicians to pick, who is online): the caller's own, implied;
/// admins, who have none, name it with <c>region=</c>.
/// </summary>
public static class RegionChoice
{
    public static (string? Region, ProblemHttpResult? Error) Of(UserRef caller, CasesOptions options, string? region)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(options);
        if (caller.Role == UserRole.Admin)
        {
            return options.Serves(region)
                ? (region, null)
                : (null, Problems.Invalid("region", $"admins name the region: one of {string.Join(", ", options.Regions)}."));
        }

        return region is not null && region != caller.Region
            ? (null, Problems.Invalid("region", "only admins choose a region; yours is implied."))
            : (caller.Region, null);
    }
}
