using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

/// <summary>The directory in Development: the demo users, the same on every instance.</summary>
public sealed class DemoUserDirectory : IUserDirectory
{
    public Task<UserRef?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DemoUsers.All.FirstOrDefault(u => u.Id == userId));

    public Task<IReadOnlyList<UserRef>> ListAsync(UserRole role, string region, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserRef>>(
            [.. DemoUsers.All.Where(u => u.Role == role && u.Region == region).OrderBy(u => u.Name, StringComparer.Ordinal)]);
}
