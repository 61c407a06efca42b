using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions;

/// <summary>The four kinds of user; lower-case in claims and JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UserRole>))]
public enum UserRole
{
    [JsonStringEnumMemberName("asha")] Asha,
    [JsonStringEnumMemberName("chw")] Chw,
    [JsonStringEnumMemberName("clinician")] Clinician,
    [JsonStringEnumMemberName("admin")] Admin,
}
