using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace OrleansCases.Web.Live;

/// <summary>
/// Writes a hub result over MessagePack in exactly the shape the JSON protocol gives it: camelCase keys, enums by
/// their JSON names, ISO-8601 times (docs/design.md section 5). SignalR's own MessagePack resolver writes a plain record
/// with its C# property names, enum member names and DateTimeOffset as an array of ticks, so WatchCase's case reached
/// MessagePack clients in another shape than JSON clients (found by the fuzz tests). Results only: never read.
/// </summary>
public sealed class JsonShapedFormatter<T>(JsonSerializerOptions json) : IMessagePackFormatter<T?>
{
    public void Serialize(ref MessagePackWriter writer, T? value, MessagePackSerializerOptions options) =>
        Write(ref writer, JsonSerializer.SerializeToElement(value, json));

    public T? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is only ever sent by the hub.");

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteMapHeader(element.EnumerateObject().Count());
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var whole):
                writer.Write(whole);
                break;
            case JsonValueKind.Number:
                writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.Write(element.GetBoolean());
                break;
            default:
                writer.WriteNil();
                break;
        }
    }
}
