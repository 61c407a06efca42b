namespace OrleansCases.Abstractions;

/// <summary>
/// Storage or the cluster could not complete a command. It may or may not have applied: the caller retries with the
/// same commandId, which answers as the first attempt would have (the web answers 503 with Retry-After).
/// </summary>
[GenerateSerializer, Alias("OrleansCases.CaseUnavailableException")]
public sealed class CaseUnavailableException : Exception
{
    public CaseUnavailableException()
    {
    }

    public CaseUnavailableException(string message)
        : base(message)
    {
    }

    public CaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
