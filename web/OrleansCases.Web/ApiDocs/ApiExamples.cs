using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.ApiDocs;

/// <summary>
/// Examples in the OpenAPI document, written the way the API writes them: problem details come from the same
/// <see cref="Problems"/> the endpoints answer with, and every example goes through the API's own JSON options.
/// </summary>
internal static class ApiExamples
{
    /// <summary>What a refusal of each status looks like.</summary>
    private static readonly Dictionary<string, ProblemHttpResult> _problems = new()
    {
        ["400"] = Problems.Invalid("patientRef", "is required."),
        ["403"] = Problems.Forbidden("You may not do this action to this case."),
        ["404"] = Problems.NotFound(),
        ["409"] = Problems.From(new CaseCommandResult(
            CaseCommandOutcome.InvalidTransition,
            CurrentStatus: CaseStatus.UnderReview,
            AllowedActions: [CaseAction.Release, CaseAction.RequestInfo, CaseAction.Refer, CaseAction.Complete])),
        ["410"] = Problems.Gone("Events of north before seq 1201 are no longer kept: reload your lists."),
        ["429"] = RateLimitPolicies.TooManyRequests(new DefaultHttpContext(), TimeSpan.FromSeconds(3)),
        ["503"] = Problems.Unavailable(new DefaultHttpContext()),
    };

    public static JsonNode? Problem(string status, JsonSerializerOptions options) =>
        _problems.TryGetValue(status, out var problem) ? Serialize(problem.ProblemDetails, options) : null;

    /// <summary>The example as the API's JSON (see <see cref="OptionsFrom"/>).</summary>
    public static JsonNode? Serialize(object example, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToNode(example, example.GetType(), options);

    /// <summary>The API's JSON options, leaving out the fields an example does not use (null).</summary>
    public static JsonSerializerOptions OptionsFrom(JsonSerializerOptions api) =>
        new(api) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
