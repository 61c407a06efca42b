using System.Text.Json;

namespace OrleansCases.Grains.ReadModel;

/// <summary>How records are written into table properties: the same camelCase JSON the API speaks.</summary>
public static class CaseJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} row.");
}
