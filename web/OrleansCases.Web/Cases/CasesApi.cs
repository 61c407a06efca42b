using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Presence;

namespace OrleansCases.Web.Cases;

/// <summary>The cases API of docs/design.md section 4.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization().AddEndpointFilter<DeadlineFilter>();
        api.RequireRateLimiting(RateLimitPolicies.PerUser);

        api.MapPost("/", CreateAsync)
            .WithName("CreateCase").WithSummary("Opens a case (an asha, in her region).")
            .WithJsonBody(CreateCaseRequest.Example)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(413)
            .AddEndpointFilter<CookieAntiforgeryFilter>();
        api.MapGet("/", ListAsync)
            .WithName("ListCases").WithSummary("A page of one of the caller's lists, newest change first, with the feed cursor to catch up from.")
            .ProducesProblem(400);
        api.MapGet("/{id}", GetAsync)
            .WithName("GetCase").WithSummary("A case with its history and the caller's allowed actions; 404 for a case the caller may not read. Every read is audited; background=true (a page filling in a list or a toast) is no clinician's \"seen\".")
            .ProducesProblem(400).ProducesProblem(404);
        api.MapPost("/{id}/actions/{action}", ActAsync)
            .WithName("ActOnCase").WithSummary("A transition of the lifecycle (docs/design.md section 2): forward, claim, complete, ...")
            .WithJsonBody(CaseActionRequest.Example)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413)
            .AddEndpointFilter<CookieAntiforgeryFilter>();

        return api;
    }

    public static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> CreateAsync(
        Caller caller, HttpContext http, IClusterClient cluster)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateCaseRequest>(http.Request);
        if (error is not null)
        {
            return error;
        }

        var command = new CreateCaseCommand(
            CommandId: body!.CommandId ?? Guid.NewGuid().ToString("N"),
            Actor: caller.User,
            PatientRef: body.PatientRef ?? "",
            Summary: body.Summary ?? "",
            Priority: body.Priority ?? CasePriority.Routine);
        var errors = CaseInputRules.Validate(command).ToDictionary(e => e.Key, e => e.Value);
        if (body.Priority is null)
        {
            errors["priority"] = ["is required: routine, urgent or emergency."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var id = CaseIds.ForCreate(caller.User.Id, command.CommandId);
        var result = await cluster.GetGrain<ICaseGrain>(id).CreateAsync(command);
        return result.Succeeded
            ? TypedResults.Created($"/api/cases/{id}", CaseResponse.From(result.View!))
            : Problems.From(result);
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetAsync(
        string id, Caller caller, IClusterClient cluster, PresenceLeases presence, string? background)
    {
        if (background is not (null or "true" or "false"))
        {
            return Problems.Invalid("background", "must be true or false.");
        }

        var view = CaseIds.IsWellFormed(id)
            ? await cluster.GetGrain<ICaseGrain>(id).ReadAsync(caller.User, ReadChannel.Api, opened: background != "true")
            : null;
        return view is null
            ? Problems.NotFound()
            : TypedResults.Ok(CaseResponse.ForRead(view, await presence.ViewersAsync(view.Case.Region, id)));
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ActAsync(
        string id, string action, Caller caller, HttpContext http, IClusterClient cluster, IUserDirectory directory)
    {
        var body = CaseActionRequest.None;
        if (http.Request.ContentLength is not 0 && (http.Request.ContentLength is not null || http.Request.HasJsonContentType()))
        {
            var (read, error) = await JsonBody.ReadAsync<CaseActionRequest>(http.Request);
            if (error is not null)
            {
                return error;
            }

            body = read!;
        }

        if (!WireName.TryParse<CaseAction>(action, out var caseAction) || caseAction == CaseAction.Create)
        {
            return Problems.Invalid("action", $"'{action}' is not an action on a case.");
        }

        UserRef? assignee = null;
        if (body.AssignTo is { } assignTo && (assignee = await directory.FindAsync(assignTo, http.RequestAborted)) is null)
        {
            // 404 first for a case the caller may not read: otherwise a 400 here, and a 404 for a known id, would
            // tell anyone which user ids exist in other regions.
            var readable = CaseIds.IsWellFormed(id) && await cluster.GetGrain<ICaseGrain>(id).GetAsync(caller.User) is not null;
            return readable ? Problems.Invalid("assignTo", "names no known user.") : Problems.NotFound();
        }

        var command = new CaseActionCommand(
            CommandId: body.CommandId ?? Guid.NewGuid().ToString("N"),
            Actor: caller.User,
            Action: caseAction,
            Note: body.Note,
            Reason: body.Reason,
            AssignTo: assignee,
            Facility: body.Facility,
            ExpectedVersion: body.ExpectedVersion);
        var errors = CaseInputRules.Validate(command);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors.ToDictionary(e => e.Key, e => e.Value));
        }

        if (!CaseIds.IsWellFormed(id))
        {
            return Problems.NotFound();
        }

        var result = await cluster.GetGrain<ICaseGrain>(id).ActAsync(command);
        return result.Succeeded ? TypedResults.Ok(CaseResponse.From(result.View!)) : Problems.From(result);
    }

    public static async Task<Results<Ok<CaseListResponse>, ProblemHttpResult>> ListAsync(
        Caller caller, HttpContext http, IClusterClient cluster, IOptions<CasesOptions> options, IFeedPosition feed,
        [AsParameters] ListParameters parameters)
    {
        var request = ListRequest.Parse(caller.User, options.Value, parameters);
        if (request.Error is not null)
        {
            return request.Error;
        }

        // The list's feed cursor must be one this instance delivers from: before its bridge is ready, it is not.
        await feed.ReadyAsync(http.RequestAborted);
        var query = request.Query!;
        CaseListPage page;
        try
        {
            page = await cluster.GetGrain<ICaseQueryGrain>(0).ListAsync(query);
        }
        catch (ArgumentException)
        {
            return Problems.Invalid("cursor", "belongs to another list.");
        }

        var feedCursor = await feed.CursorForAsync(caller.User, (query.Region, page.FeedHead));
        var talkedAbout = page.Items.Where(c => c.MessageCount > 0).Select(c => c.Id).ToList();
        var readUpTo = talkedAbout.Count == 0
            ? new Dictionary<string, int>()
            : await cluster.GetGrain<IReadMarksGrain>(caller.User.Id).ReadUpToAsync(talkedAbout);
        var items = page.Items.Select(c => CaseListItem.From(c, readUpTo.GetValueOrDefault(c.Id))).ToList();
        return TypedResults.Ok(new CaseListResponse(items, ListCursor.Encode(page.Next), feedCursor));
    }
}
