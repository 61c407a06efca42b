namespace OrleansCases.Cluster.Tests.Support;

/// <summary>A command the API answered 2xx: the case version it answered, and when the command was first sent.</summary>
public sealed record Acknowledgement(int Worker, string CaseId, int Version, string Action, DateTimeOffset SentAt);
