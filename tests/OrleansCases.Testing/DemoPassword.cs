namespace OrleansCases.Testing;

/// <summary>
/// Every demo user's password, for tests that sign in over HTTP without referencing the web (the cluster's
/// processes). The web's tests check it is the product's own (OrleansCases.Web.Identity.DemoUsers.Password).
/// </summary>
public static class DemoPassword
{
    public const string Value = "demo-pass";
}
