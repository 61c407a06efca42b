namespace OrleansCases.Benchmark.Clients;

/// <summary>The fields of a caseStatusUpdate the load reads; both systems send more (the same set, but the cursor).</summary>
public sealed record ReceivedUpdate(string CaseId, int Version, string? Cursor);
