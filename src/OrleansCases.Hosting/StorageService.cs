namespace OrleansCases.Hosting;

/// <summary>The Azure Storage services the system talks to.</summary>
public enum StorageService
{
    Table,
    Queue,
}
