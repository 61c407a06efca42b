using OrleansCases.Benchmark.Load;

namespace OrleansCases.Benchmark.Clients;

/// <summary>
/// The fields of a caseStatusUpdate or caseMessage the load reads; both systems send more (the same set, but the
/// cursor). A message has a number and no version.
/// </summary>
public sealed record ReceivedUpdate(string CaseId, int Version, string? Cursor, int Number = 0)
{
    /// <summary>What the ledger counts it as: the case's version, or its message's (<see cref="ExpectedEvent.MessageVersion"/>).</summary>
    public int LedgerVersion => Number > 0 ? ExpectedEvent.MessageVersion(Number) : Version;
}
