namespace OrleansCases.Web.Tests.Support;

/// <summary>Patient references for tests that share a fixture: each one new, so no test finds another's cases by it.</summary>
public static class Patients
{
    /// <summary>"P-" and ten hex digits (PortalUser's check for English on a Hindi page knows this shape).</summary>
    public static string New() => "P-" + Guid.NewGuid().ToString("N")[..10];
}
