using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>One field's JSON text, with what the API's reader must make of it.</summary>
/// <param name="Raw">The JSON value as sent.</param>
/// <param name="Parsed">What it reads as (a string, an int, null), when it reads at all.</param>
/// <param name="TypeError">The reader must refuse it (400 naming the field).</param>
/// <param name="Ambiguous">What the framework's reader makes of it is its own business: not predicted, only checked.</param>
public sealed record FieldValue(string Raw, object? Parsed, bool TypeError = false, bool Ambiguous = false)
{
    private static readonly JsonSerializerOptions _relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FieldValue Null { get; } = new("null", null);

    public static FieldValue Of(string text) => new(JsonSerializer.Serialize(text, _relaxed), text);

    public static FieldValue Number(long value) =>
        value is >= int.MinValue and <= int.MaxValue
            ? new(value.ToString(CultureInfo.InvariantCulture), (int)value)
            : new(value.ToString(CultureInfo.InvariantCulture), null, TypeError: true);

    public static FieldValue Wrong(string raw) => new(raw, null, TypeError: true);

    /// <summary>A text field of the given kind; null when the field is left out.</summary>
    public static FieldValue? Text(TextKind kind, int maxLength, int pick) => kind switch
    {
        TextKind.Absent => null,
        TextKind.Null => Null,
        TextKind.Empty => Of(""),
        TextKind.Blank => Of("   "),
        TextKind.Plain => Of(Garbage.Of(Garbage.Texts, pick)),
        TextKind.Unicode => Of(Garbage.Of(Garbage.Unicode, pick)),
        TextKind.Control => Of(Garbage.Of(Garbage.Control, pick)),
        TextKind.Markup => Of(Garbage.Of(Garbage.Markup, pick)),
        TextKind.AtMax => Of(new string('x', maxLength)),
        TextKind.OverMax => Of(new string('x', maxLength + 1)),
        TextKind.Huge => Of(new string('y', 20_000)),
        TextKind.LoneSurrogate => new("\"ab\\ud800cd\"", null, Ambiguous: true),
        TextKind.Number => Wrong("5"),
        TextKind.Array => Wrong("[\"a\"]"),
        TextKind.Map => Wrong("{\"a\":1}"),
        TextKind.Bool => Wrong("true"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>How a body must be read: as fields, or refused whole.</summary>
public enum BodyShape
{
    /// <summary>A JSON object: its fields decide (a field of the wrong type is a 400 naming it).</summary>
    Fields,

    /// <summary>Not a JSON object at all: 400.</summary>
    Malformed,

    /// <summary>Not sent as JSON: 400 naming the body.</summary>
    NotJson,

    /// <summary>Over 64 KiB: 413.</summary>
    TooLarge,

    /// <summary>Sent, but how it reads is the framework's choice: any 4xx or 2xx, checked for consistency only.</summary>
    Ambiguous,
}

/// <summary>A request body as sent, and what the API must make of it.</summary>
public sealed record RenderedBody(byte[]? Bytes, string? ContentType, BodyShape Shape, string? TypeErrorField, IReadOnlyDictionary<string, object?> Fields)
{
    public string? Text(string name) => Fields.GetValueOrDefault(name) as string;

    public int? Number(string name) => Fields.GetValueOrDefault(name) as int?;
}

/// <summary>Writes bodies from fields, in any of the framings of <see cref="BodyFormat"/>.</summary>
public static class JsonBodies
{
    /// <summary>Fields the requests know nothing of: ignored, and never taken as the case's own (status, owner, region).</summary>
    private static readonly (string Name, string Raw)[] _unknown =
    [
        ("foo", "{\"bar\":[1,2,{\"baz\":null}]}"), ("status", "\"Completed\""), ("ownerId", "\"admin\""), ("region", "\"south\""),
        ("version", "999"), ("id", "\"c000000000000000000000000\""),
    ];

    public static RenderedBody Render(IReadOnlyList<(string Name, FieldValue? Value)> fields, bool unknownField, BodyFormat format, int pick)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var present = fields.Where(f => f.Value is not null).Select(f => (f.Name, Value: f.Value!)).ToList();
        var parsed = present.Where(f => !f.Value.TypeError && !f.Value.Ambiguous).ToDictionary(f => f.Name, f => f.Value.Parsed, StringComparer.Ordinal);
        var members = present.Select(f => $"{Quote(f.Name)}:{f.Value.Raw}").ToList();
        if (unknownField)
        {
            var (name, raw) = _unknown[pick % _unknown.Length];
            members.Insert(pick % (members.Count + 1), $"{Quote(name)}:{raw}");
        }

        var json = "{" + string.Join(",", members) + "}";
        var typeError = present.FirstOrDefault(f => f.Value.TypeError).Name;
        var ambiguous = present.Any(f => f.Value.Ambiguous);
        var fieldsShape = ambiguous ? BodyShape.Ambiguous : BodyShape.Fields;
        return format switch
        {
            BodyFormat.Json => new(Utf8(json), "application/json", fieldsShape, typeError, parsed),
            BodyFormat.JsonWithBom => new([.. Encoding.UTF8.GetPreamble(), .. Utf8(json)], "application/json; charset=utf-8", fieldsShape, typeError, parsed),
            BodyFormat.PlusJsonType => new(Utf8(json), "application/merge-patch+json", fieldsShape, typeError, parsed),
            BodyFormat.NoBody => new(null, null, BodyShape.Fields, null, new Dictionary<string, object?>()),
            BodyFormat.TextPlain => new(Utf8(json), "text/plain", BodyShape.NotJson, null, parsed),
            BodyFormat.NoContentType => new(Utf8(json), null, BodyShape.NotJson, null, parsed),
            BodyFormat.Truncated => Malformed(json[..^1]),
            BodyFormat.NotJson => Malformed("not json at all"),
            BodyFormat.JsonArray => Malformed("[" + string.Join(",", present.Select(f => f.Value.Raw)) + "]"),
            BodyFormat.JsonNull => Malformed("null"),
            BodyFormat.JsonString => Malformed(JsonSerializer.Serialize(json)),
            BodyFormat.TrailingComma => Malformed(json[..^1] + ",}"),
            BodyFormat.SingleQuotes => Malformed(members.Count == 0 ? "{'note':'x'}" : json.Replace('"', '\'')),
            BodyFormat.DeepNesting => Malformed("{\"note\":" + new string('[', 200) + new string(']', 200) + "}"),
            BodyFormat.InvalidUtf8 => new([.. "{\"note\":\""u8, 0xff, 0xfe, 0xc3, .. "\"}"u8], "application/json", BodyShape.Malformed, null, parsed),
            BodyFormat.DuplicateKey => new(
                Utf8(members.Count == 0 ? "{\"note\":\"a\",\"note\":\"b\"}" : "{" + string.Join(",", [.. members, members[0]]) + "}"),
                "application/json", BodyShape.Ambiguous, null, parsed),
            BodyFormat.Oversize => new(
                Utf8("{" + string.Join(",", [.. members, $"\"padding\":\"{new string('p', 70 * 1024)}\""]) + "}"),
                "application/json", BodyShape.TooLarge, null, parsed),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };

        RenderedBody Malformed(string text) => new(Utf8(text), "application/json", BodyShape.Malformed, null, parsed);
    }

    private static string Quote(string name) => JsonSerializer.Serialize(name);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
