using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions.Reads;

/// <summary>How a case's detail was read (docs/design.md section 10): <c>GET /api/cases/{id}</c>, or the hub's <c>WatchCase</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadChannel>))]
public enum ReadChannel
{
    [JsonStringEnumMemberName("api")] Api,
    [JsonStringEnumMemberName("hub")] Hub,
}
