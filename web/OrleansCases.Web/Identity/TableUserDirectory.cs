using System.Collections.Concurrent;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

/// <summary>
/// The directory outside Development: users recorded, from their token's claims, when they first sign in, in an
/// Azure table every web instance shares. A user whose role or region changes at the authority is recorded again.
/// </summary>
public sealed class TableUserDirectory(TableServiceClient tables, IOptions<AuthOptions> options, ILogger<TableUserDirectory> logger)
    : IUserDirectory
{
    private const string Partition = "users";

    /// <summary>How many recorded users this instance remembers, to skip writing them again on every request.</summary>
    private const int MaxRemembered = 10_000;

    private readonly TableClient _table = tables.GetTableClient(options.Value.UsersTable);
    /// <summary>How long a list of a role's users in a region is reused: the list scans the users' partition.</summary>
    private static readonly TimeSpan _listLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, UserRef> _recorded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(UserRole, string), (IReadOnlyList<UserRef> Users, DateTimeOffset ReadAt)> _lists = new();
    private volatile bool _created;

    public async Task<UserRef?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        NullableResponse<TableEntity> row;
        try
        {
            await EnsureTableAsync(cancellationToken);
            row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKeyOf(userId), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            // The API answers this with 503 and Retry-After, like any other storage outage under a command.
            throw new CaseUnavailableException("The user directory is unavailable.", ex);
        }

        return row.HasValue && row.Value is { } entity ? ToUser(entity) : null;
    }

    public async Task<IReadOnlyList<UserRef>> ListAsync(UserRole role, string region, CancellationToken cancellationToken = default)
    {
        if (_lists.TryGetValue((role, region), out var cached) && DateTimeOffset.UtcNow - cached.ReadAt < _listLifetime)
        {
            return cached.Users;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Role eq {WireName.Of(role)} and Region eq {region}");
        var users = new List<UserRef>();
        try
        {
            await EnsureTableAsync(cancellationToken);
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (ToUser(entity) is { } user)
                {
                    users.Add(user);
                }
            }
        }
        catch (RequestFailedException ex)
        {
            throw new CaseUnavailableException("The user directory is unavailable.", ex);
        }

        IReadOnlyList<UserRef> list = [.. users.OrderBy(u => u.Name, StringComparer.Ordinal)];
        _lists[(role, region)] = (list, DateTimeOffset.UtcNow);
        return list;
    }

    private static UserRef? ToUser(TableEntity entity) =>
        entity.GetString("Id") is { } id && WireName.TryParse<UserRole>(entity.GetString("Role"), out var role)
            ? new UserRef(Id: id, Name: entity.GetString("Name") ?? id, Role: role, Region: entity.GetString("Region"))
            : null;

    /// <summary>Records <paramref name="user"/> unless this instance already did, as they are now.</summary>
    public async Task RecordAsync(UserRef user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_recorded.TryGetValue(user.Id, out var known) && known == user)
        {
            return;
        }

        try
        {
            await EnsureTableAsync(cancellationToken);
            await _table.UpsertEntityAsync(
                new TableEntity(Partition, RowKeyOf(user.Id))
                {
                    ["Id"] = user.Id,
                    ["Name"] = user.Name,
                    ["Role"] = WireName.Of(user.Role),
                    ["Region"] = user.Region,
                },
                TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Signing in does not depend on the directory: the user is recorded on a later request.
            IdentityLog.UserRecordFailed(logger, user.Id, ex);
            return;
        }

        if (_recorded.Count >= MaxRemembered)
        {
            _recorded.Clear();
        }

        _recorded[user.Id] = user;
        IdentityLog.UserRecorded(logger, user.Id);
    }

    /// <summary>An authority's subject may hold characters a row key cannot ('/', '#', '?'): keys are its UTF-8, base64url.</summary>
    private static string RowKeyOf(string userId) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userId));

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _created = true;
        }
    }
}
