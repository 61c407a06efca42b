namespace OrleansCases.Benchmark.Load;

/// <summary>A user the load acts as or connects as; <see cref="Role"/> is the wire name (asha, chw, clinician, admin).</summary>
public sealed record BenchUser(string Id, string Name, string Role, string? Region)
{
    public bool IsAdmin => Role == "admin";
}
