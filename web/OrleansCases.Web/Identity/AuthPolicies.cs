namespace OrleansCases.Web.Identity;

/// <summary>Authorization policies beyond "signed in".</summary>
public static class AuthPolicies
{
    /// <summary>Admins only: the silo dashboard and the cluster view.</summary>
    public const string Admin = "admin";
}
