using OrleansCases.Abstractions;
using OrleansCases.Testing;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>
/// A fresh region for one test, with the demo cast of docs/design.md section 7 living in it, so no test sees another's
/// cases, lists or feed.
/// </summary>
public sealed class Region
{
    public Region()
    {
        Name = UniqueName.For("t");
        Asha = User("asha", UserRole.Asha);
        Asha2 = User("asha2", UserRole.Asha);
        Chw = User("chw", UserRole.Chw);
        Clinician = User("clinician", UserRole.Clinician);
        Clinician2 = User("clinician2", UserRole.Clinician);
    }

    public string Name { get; }

    public UserRef Asha { get; }

    public UserRef Asha2 { get; }

    public UserRef Chw { get; }

    public UserRef Clinician { get; }

    public UserRef Clinician2 { get; }

    public static UserRef Admin { get; } = new("admin", "Admin", UserRole.Admin, null);

    public UserRef User(string name, UserRole role) => new($"{name}.{Name}", $"{name} of {Name}", role, Name);
}
