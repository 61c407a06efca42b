using Azure;
using OrleansCases.Abstractions;

namespace OrleansCases.Grains.ReadModel;

/// <summary>Storage that fails under a read is a <see cref="CaseUnavailableException"/> (the web's 503 with Retry-After), never an error of the caller's request.</summary>
public static class StorageFailure
{
    public static async Task<T> OrUnavailable<T>(this Task<T> reading, string message)
    {
        ArgumentNullException.ThrowIfNull(reading);
        try
        {
            return await reading;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or OperationCanceledException)
        {
            // What Azure.Core throws: a failed response; every retry failed in transport; a request past its timeout.
            throw new CaseUnavailableException(message, ex);
        }
    }
}
