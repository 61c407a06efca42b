using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions;

/// <summary>What a user does to a case; kebab-case on the wire and in URLs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseAction>))]
public enum CaseAction
{
    [JsonStringEnumMemberName("create")] Create,
    [JsonStringEnumMemberName("forward")] Forward,
    [JsonStringEnumMemberName("assign")] Assign,
    [JsonStringEnumMemberName("claim")] Claim,
    [JsonStringEnumMemberName("release")] Release,
    [JsonStringEnumMemberName("request-info")] RequestInfo,
    [JsonStringEnumMemberName("resubmit")] Resubmit,
    [JsonStringEnumMemberName("refer")] Refer,
    [JsonStringEnumMemberName("complete")] Complete,
    [JsonStringEnumMemberName("cancel")] Cancel,
    [JsonStringEnumMemberName("reopen")] Reopen,

    /// <summary>The system's, never a user's: a case left unclaimed in the review queue past its priority's delay.</summary>
    [JsonStringEnumMemberName("escalate")] Escalate,
}
