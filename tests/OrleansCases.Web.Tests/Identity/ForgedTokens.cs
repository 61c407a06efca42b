using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>Tokens an attacker could make from a real one: claims edited under the original signature, or unsigned.</summary>
public static class ForgedTokens
{
    /// <summary>The token with its payload edited and its header and signature kept.</summary>
    public static string WithEditedPayload(string token, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(edit);
        var parts = token.Split('.');
        var payload = PayloadOf(token);
        edit(payload);
        return $"{parts[0]}.{Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>The token's payload re-issued under <c>alg: none</c>, with no signature.</summary>
    public static string AlgNone(string token) =>
        $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode(PayloadOf(token).ToJsonString())}.";

    public static JsonObject PayloadOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
