using Microsoft.AspNetCore.Identity;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

/// <summary>
/// The demo users' passwords in Development, kept only as <see cref="PasswordHasher{TUser}"/> hashes (PBKDF2): the
/// plain password is the seed and never stored. Hashing is slow on purpose, so it happens on first use, not at start.
/// </summary>
public sealed class DemoCredentials
{
    private readonly PasswordHasher<UserRef> _hasher = new();
    private readonly Lazy<IReadOnlyDictionary<string, (UserRef User, string Hash)>> _users;
    private readonly Lazy<string> _decoy;

    public DemoCredentials()
    {
        _users = new(() => DemoUsers.All.ToDictionary(
            u => u.Id, u => (u, _hasher.HashPassword(u, DemoUsers.Password)), StringComparer.OrdinalIgnoreCase));
        _decoy = new(() => _hasher.HashPassword(DemoUsers.All[0], Guid.NewGuid().ToString("N")));
    }

    /// <summary>The user when the name and password match; null otherwise, in about the same time either way.</summary>
    public UserRef? Verify(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (_users.Value.TryGetValue(userName.Trim(), out var known))
        {
            return _hasher.VerifyHashedPassword(known.User, known.Hash, password) == PasswordVerificationResult.Failed ? null : known.User;
        }

        // An unknown name costs a verification too, so timing does not tell which names exist.
        _ = _hasher.VerifyHashedPassword(DemoUsers.All[0], _decoy.Value, password);
        return null;
    }
}
