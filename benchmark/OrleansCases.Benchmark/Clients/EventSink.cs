namespace OrleansCases.Benchmark.Clients;

/// <summary>Where a connection hands what it receives: (case id, version, Stopwatch timestamp of receipt).</summary>
public delegate void EventSink(string caseId, int version, long receivedAt);
