using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansCases.Hosting;

public static class StorageClientsExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> and registers one <see cref="TableServiceClient"/> and one
    /// <see cref="QueueServiceClient"/> for the process, with request counting, shared by grain storage, clustering,
    /// reminders, streams and the read model.
    /// </summary>
    public static IHostApplicationBuilder AddCaseStorageClients(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<StorageRequestCounter>();
        builder.Services.AddSingleton(sp =>
        {
            var options = new TableClientOptions();
            StorageRetries.Apply(options.Retry);
            options.AddPolicy(sp.GetRequiredService<StorageRequestCounter>().PolicyFor(StorageService.Table), HttpPipelinePosition.PerCall);
            return new TableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString, options);
        });
        builder.Services.AddSingleton(sp =>
        {
            var options = new QueueClientOptions();
            StorageRetries.Apply(options.Retry);
            options.AddPolicy(sp.GetRequiredService<StorageRequestCounter>().PolicyFor(StorageService.Queue), HttpPipelinePosition.PerCall);
            return new QueueServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString, options);
        });
        return builder;
    }
}
