using System.Text.Json;

namespace OrleansCases.Benchmark.Report;

/// <summary>How results.json is written: camelCase, indented, so a diff of two runs reads well.</summary>
public static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
