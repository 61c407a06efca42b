using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

/// <summary>The directory in Development: the demo users, the same on every instance.</summary>
public sealed class DemoUserDirectory : IUserDirectory
{
    public Task<UserRef?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DemoUsers.All.FirstOrDefault(u => u.Id == userId));
}
