using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

/// <summary>
/// The users the system knows: the demo users in Development; in Production, users recorded when they first sign in.
/// Commands name assignees by id; the directory turns the id into who they are.
/// </summary>
public interface IUserDirectory
{
    Task<UserRef?> FindAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The users of <paramref name="role"/> in <paramref name="region"/>, by name: whom a case can be assigned to.</summary>
    Task<IReadOnlyList<UserRef>> ListAsync(UserRole role, string region, CancellationToken cancellationToken = default);
}
