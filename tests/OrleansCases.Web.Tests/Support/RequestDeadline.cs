namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// The web's API deadline (Cases:RequestTimeout) as tests set it. Test web instances get <see cref="Relaxed"/> unless
/// told otherwise: on this 2-core box, with the other test assemblies running beside them, a healthy request now and
/// then takes longer than the product's 2 s, and a 503 there is noise, not a finding. Tests of what callers see when
/// storage or the cluster fails ask for <see cref="Product"/>.
/// </summary>
public static class RequestDeadline
{
    public const string Key = "Cases:RequestTimeout";

    public const string Relaxed = "00:00:10";

    public const string Product = "00:00:02";

    /// <summary>Settings that give a web instance the product's deadline.</summary>
    public static IReadOnlyDictionary<string, string?> ProductSettings { get; } = new Dictionary<string, string?> { [Key] = Product };
}
