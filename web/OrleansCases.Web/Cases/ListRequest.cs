using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Cases;

/// <summary>
/// GET /api/cases's query string, checked: which list a caller may read (an asha only her own cases; admins name
/// the region) and well-formed filters, limit and cursor.
/// </summary>
public sealed record ListRequest(CaseListQuery? Query, ProblemHttpResult? Error)
{
    public const int DefaultLimit = 50;

    public static ListRequest Parse(UserRef caller, CasesOptions options, ListParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        var (view, status, priority, region, limit, cursor) = parameters;
        var errors = new Dictionary<string, string[]>();
        var listView = view switch
        {
            null => DefaultView(caller.Role),
            "mine" => CaseListView.Owner,
            "region" => CaseListView.Region,
            "queue" => CaseListView.Queue,
            "assigned" => CaseListView.Assignee,
            _ => (CaseListView?)null,
        };
        if (listView is null)
        {
            errors["view"] = ["must be mine, region, queue or assigned."];
        }

        CaseStatus? statusFilter = null;
        if (status is not null)
        {
            statusFilter = Enum.TryParse<CaseStatus>(status, ignoreCase: false, out var s) && Enum.IsDefined(s) && !char.IsDigit(status[0])
                ? s
                : null;
            if (statusFilter is null)
            {
                errors["status"] = [$"must be one of {string.Join(", ", Enum.GetNames<CaseStatus>())}."];
            }
        }

        CasePriority? priorityFilter = priority switch
        {
            null => null,
            "routine" => CasePriority.Routine,
            "urgent" => CasePriority.Urgent,
            "emergency" => CasePriority.Emergency,
            _ => null,
        };
        if (priority is not null && priorityFilter is null)
        {
            errors["priority"] = ["must be routine, urgent or emergency."];
        }

        if (!QueryLimit.TryRead(limit, 1, CaseListQuery.MaxLimit, out var take))
        {
            errors["limit"] = [$"must be 1 to {CaseListQuery.MaxLimit}."];
        }

        if (!ListCursor.TryDecode(cursor, out var after))
        {
            errors["cursor"] = ["is not a cursor of this API."];
        }

        string? listRegion;
        if (caller.Role == UserRole.Admin)
        {
            listRegion = region;
            if (!options.Serves(region))
            {
                errors["region"] = [$"admins name the region: one of {string.Join(", ", options.Regions)}."];
            }
        }
        else
        {
            listRegion = caller.Region;
            if (region is not null && region != caller.Region)
            {
                errors["region"] = ["only admins choose a region; yours is implied."];
            }
        }

        if (errors.Count > 0)
        {
            return new(null, Problems.Invalid(errors));
        }

        if (!Permits(caller.Role, listView!.Value))
        {
            return new(null, Problems.Forbidden($"A {caller.Role.ToString().ToLowerInvariant()} cannot read the '{view}' list."));
        }

        return new(new CaseListQuery(listRegion!, listView.Value, caller.Id, statusFilter, priorityFilter, take ?? DefaultLimit, after), null);
    }

    private static CaseListView DefaultView(UserRole role) => role switch
    {
        UserRole.Asha => CaseListView.Owner,
        UserRole.Clinician => CaseListView.Queue,
        _ => CaseListView.Region,
    };

    /// <summary>Which lists each role may read: only lists of cases that role can read one by one.</summary>
    private static bool Permits(UserRole role, CaseListView view) => (role, view) switch
    {
        (UserRole.Asha, CaseListView.Owner) => true,
        (UserRole.Chw, CaseListView.Owner or CaseListView.Region or CaseListView.Queue) => true,
        (UserRole.Clinician, CaseListView.Region or CaseListView.Queue or CaseListView.Assignee) => true,
        (UserRole.Admin, CaseListView.Region or CaseListView.Queue) => true,
        _ => false,
    };
}
