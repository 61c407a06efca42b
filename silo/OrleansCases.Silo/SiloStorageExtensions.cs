using Azure.Data.Tables;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansCases.Abstractions;

namespace OrleansCases.Silo;

public static class SiloStorageExtensions
{
    /// <summary>
    /// Grain state (<c>cases</c>), stream subscriptions (<c>PubSubStore</c>) and reminders in Azure Table storage,
    /// all through the process's one counted <see cref="TableServiceClient"/>. Case state is written with the Orleans
    /// serializer: compact, and tolerant of added fields thanks to the records' explicit ids.
    /// </summary>
    public static ISiloBuilder AddCaseGrainStorage(this ISiloBuilder silo)
    {
        silo.AddAzureTableGrainStorage(CaseStorage.Cases, ob => ob.Configure<TableServiceClient, Serializer>((o, tables, serializer) =>
        {
            o.TableServiceClient = tables;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.AddAzureTableGrainStorage(CaseStorage.PubSub, ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
        silo.UseAzureTableReminderService(ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
        return silo;
    }
}
