using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;

namespace OrleansCases.Web.Http;

/// <summary>The RFC 9457 problem details this API answers with, one place for each kind of refusal.</summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request is invalid.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: detail);

    public static ProblemHttpResult Gone(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "The cursor is past the feed's retention.", detail: detail);

    /// <summary>Storage or the cluster did not answer; the command may or may not have applied.</summary>
    public static ProblemHttpResult Unavailable(HttpContext context) =>
        RetryLater(
            context, 2, StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable.",
            "Retry with the same commandId: a command that did apply answers as it did the first time.");

    /// <summary>The instance has as many requests in progress as it takes; nothing of this one was done.</summary>
    public static ProblemHttpResult Overloaded(HttpContext context) =>
        RetryLater(
            context, 1, StatusCodes.Status503ServiceUnavailable, "Too busy.",
            "This instance is at its limit of requests in progress; nothing was done. Retry shortly.");

    /// <summary>A refusal the caller should retry after <paramref name="seconds"/>, told in Retry-After too.</summary>
    public static ProblemHttpResult RetryLater(HttpContext context, int seconds, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: status, title: title, detail: detail);
    }

    /// <summary>A refused command, in the words of docs/design.md section 4.</summary>
    public static ProblemHttpResult From(CaseCommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            CaseCommandOutcome.Invalid => Invalid(result.Errors!.ToDictionary(e => e.Key, e => e.Value)),
            CaseCommandOutcome.NotFound => NotFound(),
            CaseCommandOutcome.Forbidden => Forbidden("You may not do this action to this case."),
            CaseCommandOutcome.VersionConflict => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "The case has changed.",
                detail: "expectedVersion differs from the case's current version.",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = result.CurrentVersion }),
            CaseCommandOutcome.InvalidTransition => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Not allowed from the current status.",
                extensions: new Dictionary<string, object?>
                {
                    ["currentStatus"] = result.CurrentStatus,
                    ["allowedActions"] = result.AllowedActions,
                }),
            CaseCommandOutcome.HistoryFull => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "The case's history is full.",
                detail: $"A case keeps at most {Abstractions.Lifecycle.CaseLifecycle.MaxHistory} history entries.",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = result.CurrentVersion }),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "Not a refusal."),
        };
    }

    /// <summary>A refused message command, in the words of docs/design.md section 9.</summary>
    public static ProblemHttpResult From(MessageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            MessageOutcome.Invalid => Invalid(result.Errors!.ToDictionary(e => e.Key, e => e.Value)),
            MessageOutcome.NotFound => NotFound(),
            MessageOutcome.ThreadFull => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "The case's conversation is full.",
                detail: $"A case keeps at most {ConversationRules.MaxMessages} messages."),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "Not a refusal."),
        };
    }
}
