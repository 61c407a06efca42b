using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions;

/// <summary>How urgent a case is; lower-case on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CasePriority>))]
public enum CasePriority
{
    [JsonStringEnumMemberName("routine")] Routine,
    [JsonStringEnumMemberName("urgent")] Urgent,
    [JsonStringEnumMemberName("emergency")] Emergency,
}
