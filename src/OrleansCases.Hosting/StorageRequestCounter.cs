using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OrleansCases.Hosting;

/// <summary>
/// Counts the requests this process sends to Azure Storage, by service and by read or write, as the metric
/// <c>orleanscases.storage.requests</c>. Storage writes per transition are a cost we promise (about two), so they are
/// measured where they happen: in the pipeline of every storage client the process makes.
/// </summary>
public sealed class StorageRequestCounter : IDisposable
{
    public const string MeterName = "OrleansCases.Storage";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private long _tableWrites;
    private long _queueWrites;

    public StorageRequestCounter(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _requests = _meter.CreateCounter<long>("orleanscases.storage.requests", description: "Requests sent to Azure Storage");
    }

    /// <summary>Write requests to Azure Table storage since this process started (a batch counts once).</summary>
    public long TableWrites => Interlocked.Read(ref _tableWrites);

    /// <summary>Write requests to Azure Queue storage since this process started.</summary>
    public long QueueWrites => Interlocked.Read(ref _queueWrites);

    /// <summary>A pipeline policy to add to the clients of one storage service.</summary>
    public HttpPipelinePolicy PolicyFor(StorageService service) => new Policy(this, service);

    public void Dispose() => _meter.Dispose();

    private void Record(StorageService service, RequestMethod method)
    {
        var write = method != RequestMethod.Get && method != RequestMethod.Head;
        if (write)
        {
            Interlocked.Increment(ref service == StorageService.Table ? ref _tableWrites : ref _queueWrites);
        }

        _requests.Add(
            1,
            new KeyValuePair<string, object?>("service", service == StorageService.Table ? "table" : "queue"),
            new KeyValuePair<string, object?>("kind", write ? "write" : "read"));
    }

    private sealed class Policy(StorageRequestCounter counter, StorageService service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => counter.Record(service, message.Request.Method);
    }
}
