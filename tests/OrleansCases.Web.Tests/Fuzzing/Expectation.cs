using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>What one request must be answered, as the oracle predicts it from the model.</summary>
public sealed record Expectation(IReadOnlySet<int> Statuses, string Why)
{
    /// <summary>For a 400: the fields its <c>errors</c> must name, exactly.</summary>
    public IReadOnlySet<string>? ErrorKeys { get; init; }

    /// <summary>For a 400: a field its <c>errors</c> must name, among others it may.</summary>
    public string? ErrorKey { get; init; }

    /// <summary>A replay: the answer must be, byte for byte, the one that made this version.</summary>
    public int? ReplayVersion { get; init; }

    /// <summary>A change the lifecycle decides to apply: the answer must be the case it describes.</summary>
    public Decision? Applied { get; init; }

    /// <summary>For a version conflict or a full history: the current version the answer carries.</summary>
    public int? CurrentVersion { get; init; }

    /// <summary>For a transition not allowed now: the status and allowed actions the answer carries.</summary>
    public (CaseStatus Status, IReadOnlyList<CaseAction> Allowed)? Transition { get; init; }

    /// <summary>Refused by the HTTP server before the app sees the request (a NUL in the path): a bare 400, no problem details.</summary>
    public bool ByServer { get; init; }

    /// <summary>Not predicted: any of <see cref="Statuses"/>; a 2xx must still be a consistent change.</summary>
    public bool Ambiguous { get; init; }

    public static Expectation Status(int status, string why) => new(new HashSet<int> { status }, why);

    public static Expectation Unauthorized { get; } = Status(401, "no valid token");

    public static Expectation TooLarge { get; } = Status(413, "body over 64 KiB");

    public static Expectation NotFound(string why) => Status(404, why);

    public static Expectation Invalid(string why, IEnumerable<string>? keys = null, string? key = null) =>
        Status(400, why) with { ErrorKeys = keys?.ToHashSet(StringComparer.Ordinal), ErrorKey = key };

    public static Expectation AnyOf(string why, params int[] statuses) => new(statuses.ToHashSet(), why) { Ambiguous = true };
}
