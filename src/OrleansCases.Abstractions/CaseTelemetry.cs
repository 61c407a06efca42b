namespace OrleansCases.Abstractions;

/// <summary>
/// The one name of our meter and activity source, on silo and web alike. Instruments are named
/// <c>orleanscases.*</c>, which Prometheus shows as <c>orleanscases_*</c>. Tags never carry patient data (docs/design.md
/// section 6.8): actions, regions, roles and reasons only.
/// </summary>
public static class CaseTelemetry
{
    public const string Name = "OrleansCases";
}
