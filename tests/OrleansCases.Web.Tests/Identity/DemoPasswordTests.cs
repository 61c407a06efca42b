using OrleansCases.Testing;
using OrleansCases.Web.Identity;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// Tests that cannot reference the web (the cluster's processes) sign in with <see cref="DemoPassword"/>: it must
/// stay the product's demo password, or they fail with a 401 that says nothing of why.
/// </summary>
[Trait("Category", "Web")]
public sealed class DemoPasswordTests
{
    [Fact]
    public void The_shared_test_password_is_the_demo_users_password() => Assert.Equal(DemoUsers.Password, DemoPassword.Value);
}
