using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Cases;

/// <summary>
/// GET /api/cases's query string, checked: which list a caller may read (an asha only her own cases; admins name
/// the region) and well-formed filters, limit and cursor. <c>patient=</c> searches by patient reference (a prefix, in
/// any case) among the cases the caller may read (docs/design.md section 3): an asha's own, a region's for the others.
/// </summary>
public sealed record ListRequest(CaseListQuery? Query, ProblemHttpResult? Error)
{
    public const int DefaultLimit = 50;

    public static ListRequest Parse(UserRef caller, CasesOptions options, ListParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        var (view, status, priority, region, limit, cursor, patient) = parameters;
        var errors = new Dictionary<string, string[]>();
        var listView = view is null ? (patient is null ? DefaultView(caller.Role) : CaseListView.Patient) : Named<CaseListView>(view, "view", errors);
        if (listView == CaseListView.Patient && !CaseInputRules.IsPatientRef(patient))
        {
            errors["patient"] = [$"a patient search needs 1 to {CaseInputRules.PatientRefMaxLength} letters, digits, '-' or '_' of a patient reference."];
        }
        else if (listView is not (null or CaseListView.Patient) && patient is not null)
        {
            errors["patient"] = ["searches cases by patient: only with view=patient, or with no view."];
        }

        var statusFilter = Named<CaseStatus>(status, "status", errors);
        var priorityFilter = Named<CasePriority>(priority, "priority", errors);
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
            return new(null, Problems.Forbidden($"A {WireName.Of(caller.Role)} cannot read the '{WireName.Of(listView.Value)}' list."));
        }

        // A patient search finds only what the caller may read: an asha her own cases, everyone else the region's.
        var searchOwner = listView == CaseListView.Patient && caller.Role != UserRole.Asha ? null : caller.Id;
        return new(new CaseListQuery(
            Region: listRegion!,
            View: listView.Value,
            UserId: searchOwner,
            Status: statusFilter,
            Priority: priorityFilter,
            Limit: take ?? DefaultLimit,
            After: after,
            Patient: listView == CaseListView.Patient ? patient : null), null);
    }

    /// <summary>The value a query parameter names, null when absent; an unknown name is an error for its parameter.</summary>
    private static TEnum? Named<TEnum>(string? text, string parameter, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (WireName.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        errors[parameter] = [$"must be one of {string.Join(", ", WireName.All<TEnum>())}."];
        return null;
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
        (_, CaseListView.Patient) => true,
        _ => false,
    };
}
