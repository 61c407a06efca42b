namespace OrleansCases.Benchmark.Report;

/// <summary>
/// <see cref="Clients"/> connections dropped, events made while they were away, then all reconnecting at once: how
/// long until every one of them had every event it missed, and how many catch-up reads were refused and retried.
/// </summary>
public sealed record CatchUpResult(string System, int Clients, double MissedPerClient, long Expected, long Received, long Duplicates, double ConvergedSeconds, long Refused)
{
    public bool Converged => Received == Expected;
}
