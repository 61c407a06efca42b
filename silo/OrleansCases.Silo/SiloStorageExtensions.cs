using Azure.Data.Tables;
using Orleans.Storage;
using OrleansCases.Abstractions;

namespace OrleansCases.Silo;

public static class SiloStorageExtensions
{
    /// <summary>
    /// Grain state (<c>cases</c>), stream subscriptions (<c>PubSubStore</c>) and reminders in Azure Table storage,
    /// all through the process's one counted <see cref="TableServiceClient"/>.
    /// </summary>
    public static ISiloBuilder AddCaseGrainStorage(this ISiloBuilder silo)
    {
        silo.UseCaseStateSerializer();
        silo.AddAzureTableGrainStorage(CaseStorage.Cases, ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
        silo.AddAzureTableGrainStorage(CaseStorage.PubSub, ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
        silo.UseAzureTableReminderService(ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
        return silo;
    }

    /// <summary>
    /// Every grain storage of the silo writes state with the Orleans serializer: compact, and tolerant of added fields
    /// thanks to the records' explicit ids, where the default JSON serializer cannot rebuild immutable records.
    /// </summary>
    public static ISiloBuilder UseCaseStateSerializer(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        return silo;
    }
}
