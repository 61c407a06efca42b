using System.Buffers.Text;
using System.Text;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// The fuzzer's vocabulary of bad values: things that are not case ids, action names or cursors, picked by index so
/// that a seed replays the same ones. Each is sent escaped where it travels in a URL.
/// </summary>
public static class Garbage
{
    /// <summary>Plausible notes, reasons and facilities.</summary>
    public static IReadOnlyList<string> Texts { get; } =
        ["Fever since Monday.", "Is the child eating?", "District Hospital North", "Mother reports cough for 3 days.", "PHC Rampur"];

    public static IReadOnlyList<string> Unicode { get; } =
        ["बुखार और खांसी 🤒", "مرحبا — حمى", "e\u0301 \u200d\u202e reversed", "😀😀😀", "日本語のメモ", "\u00a0non-breaking\u2028line"];

    public static IReadOnlyList<string> Control { get; } = ["line1\nline2\ttab", "nul\u0000inside", "\u0001\u0002\u001f", "\r\n\r\n"];

    public static IReadOnlyList<string> Markup { get; } =
        ["<script>alert(1)</script>", "' OR 1=1 --", "{{7*7}}", "${jndi:ldap://x}", "\"quoted\" and \\backslash\\", "%00%2e%2e%2f"];

    /// <summary>Not case ids: wrong length, case, alphabet, path tricks, huge. Never empty and never "." or "..", which change the route.</summary>
    public static IReadOnlyList<string> CaseIds { get; } =
    [
        "c", "not-a-case-id", "C0123456789ABCDEF01234567", "c0123456789abcdef0123456", "c0123456789abcdef012345678",
        "cgggggggggggggggggggggggg", "x0123456789abcdef01234567", "../../etc/passwd", "c0123456789abcdef01234567/../x",
        "%00", "null", "undefined", "<script>", "' or 1=1 --", "cé123456789abcdef01234567", "😀", new string('c', 3_000),
        " c0123456789abcdef01234567", "c0123456789abcdef01234567 ", "c0123456789abcdef0123456\u0000",
    ];

    /// <summary>Not actions: wrong case, spelling, spacing, or something else entirely.</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        "teleport", "CANCEL", "Cancel", "request_info", "requestinfo", "RequestInfo", " cancel", "cancel ", "cancel\n",
        "forward;drop", "%2e%2e", "null", "0", "1", "reopen!", "complete?x=1", "क्लेम", new string('a', 2_000),
    ];

    /// <summary>User ids the directory does not hold.</summary>
    public static IReadOnlyList<string> UnknownUsers { get; } =
        ["nobody.north", "CLINICIAN.NORTH", "clinician.north ", "", " ", "clinician.east", "admin\u0000", new string('u', 500)];

    /// <summary>Filters that are no status or priority name (the API's are exact).</summary>
    public static IReadOnlyList<string> Filters { get; } = ["open", "OPEN", "0", "1", "Open,Cancelled", "Urgent", "high", "%", "null", "true"];

    public static IReadOnlyList<string> Views { get; } = ["all", "MINE", "Region", "queue ", "admin", "0", "assigned,mine", "../mine"];

    public static IReadOnlyList<string> Regions { get; } = ["east", "North", "north ", "*", "north,south", "0", "null"];

    /// <summary>Limits that bind as no int.</summary>
    public static IReadOnlyList<string> NotNumbers { get; } = ["abc", "1.5", "99999999999", "1e3", "ten", "0x10"];

    /// <summary>List cursors the API must refuse as malformed (or may read as some position: only invariants are checked).</summary>
    public static IReadOnlyList<string> ListCursors { get; } =
    [
        "!!!", "l1:r|0", Encode("l0:r|0000000000000000001"), Encode("l1"), Encode("x1:r|"), new string('A', 600),
        Encode("l1:r|") + "=", "AAAA", Encode("\u00ff\u00fe"), Base64Url.EncodeToString([0xff, 0xfe, 0xfd]),
        Base64Url.EncodeToString([.. "l1:r|"u8, 0xff, 0xfe]), Encode("l1:\u0000"), Encode("l1:r|\u0000\u0001"),
    ];

    /// <summary>Feed cursors the API must refuse as malformed.</summary>
    public static IReadOnlyList<string> FeedCursors { get; } =
    [
        "!!!", "f1|north=1", Encode("f2|north=1"), Encode("f1|north"), Encode("f1|=5"), Encode("f1|north=-1"),
        Encode("f1|north=99999999999999999999"), Encode("f1|north=1=2"), Encode("f1|north=+5"), Encode("f1|north= 5"),
        Encode("f1||"), new string('A', 3_000), Base64Url.EncodeToString([0xff, 0xfe, 0xfd]), Encode("F1|north=1"),
        Encode("f1|north=0x10"), "AAAA",
    ];

    public static string Of(IReadOnlyList<string> vocabulary, int pick) => vocabulary[pick % vocabulary.Count];

    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
