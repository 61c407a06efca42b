namespace OrleansCases.Abstractions.Reads;

/// <summary>Whether a case's read audit may be listed: only admins may; whoever may not read the case learns nothing of it.</summary>
public enum ReadAuditOutcome
{
    Ok,
    NotFound,
    Forbidden,
}
