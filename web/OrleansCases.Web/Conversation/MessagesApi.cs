using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Conversation;

/// <summary>
/// A case's conversation (docs/design.md section 9): its thread, posting to it, and read receipts. Whoever may read the
/// case may take part; anyone else gets 404, and nothing is stored.
/// </summary>
public static class MessagesApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/{id}/messages").WithTags("Conversation").RequireAuthorization().AddEndpointFilter<DeadlineFilter>();
        api.RequireRateLimiting(RateLimitPolicies.PerUser);

        api.MapGet("/", ReadAsync)
            .WithName("ReadMessages").WithSummary("The case's thread, oldest first, paged by message number, with how far each reader has read.")
            .ProducesProblem(400).ProducesProblem(404);
        api.MapPost("/", PostAsync)
            .WithName("PostMessage").WithSummary("Posts a message, stored before the answer; the same clientMessageId again answers the same message.")
            .WithJsonBody(PostMessageRequest.Example)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(429)
            .RequireRateLimiting(RateLimitPolicies.MessagesPerUser)
            .AddEndpointFilter<CookieAntiforgeryFilter>();
        api.MapPost("/read", MarkReadAsync)
            .WithName("MarkMessagesRead").WithSummary("The caller has read the thread up to message number upTo (a receipt never moves back).")
            .WithJsonBody(MarkReadRequest.Example)
            .ProducesProblem(400).ProducesProblem(404)
            .AddEndpointFilter<CookieAntiforgeryFilter>();
        return api;
    }

    public static async Task<Results<Ok<MessagePageResponse>, ProblemHttpResult>> ReadAsync(
        string id, Caller caller, IClusterClient cluster, string? after, string? limit)
    {
        if (!QueryLimit.TryRead(after, 0, ConversationRules.MaxMessages, out var from))
        {
            return Problems.Invalid("after", $"must be a message number, 0 to {ConversationRules.MaxMessages}.");
        }

        if (!QueryLimit.TryRead(limit, 1, MaxLimit, out var take))
        {
            return Problems.Invalid("limit", $"must be 1 to {MaxLimit}.");
        }

        var page = CaseIds.IsWellFormed(id) ? await cluster.GetGrain<ICaseGrain>(id).ReadMessagesAsync(caller.User, from ?? 0, take ?? DefaultLimit) : null;
        return page is null ? Problems.NotFound() : TypedResults.Ok(MessagePageResponse.From(page, from ?? 0));
    }

    public static async Task<Results<Created<MessageResponse>, ProblemHttpResult>> PostAsync(
        string id, Caller caller, HttpContext http, IClusterClient cluster)
    {
        var (body, error) = await JsonBody.ReadAsync<PostMessageRequest>(http.Request);
        if (error is not null)
        {
            return error;
        }

        var command = new PostMessageCommand(caller.User, body!.Text ?? "", body.ClientMessageId ?? "");
        if (ConversationRules.Check(command) is { } problem)
        {
            return Problems.Invalid(problem.Field, problem.Error);
        }

        if (!CaseIds.IsWellFormed(id))
        {
            return Problems.NotFound();
        }

        var result = await cluster.GetGrain<ICaseGrain>(id).PostMessageAsync(command);
        return result.Outcome == MessageOutcome.Ok
            ? TypedResults.Created($"/api/cases/{id}/messages?after={result.Message!.Number - 1}&limit=1", MessageResponse.From(result.Message))
            : Problems.From(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(
        string id, Caller caller, HttpContext http, IClusterClient cluster)
    {
        var (body, error) = await JsonBody.ReadAsync<MarkReadRequest>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (body!.UpTo is not { } upTo)
        {
            return Problems.Invalid("upTo", "is required: the number of the last message read.");
        }

        var result = CaseIds.IsWellFormed(id) ? await cluster.GetGrain<ICaseGrain>(id).MarkReadAsync(caller.User, upTo) : MessageResult.NotFound;
        return result.Outcome == MessageOutcome.Ok ? TypedResults.NoContent() : Problems.From(result);
    }
}
