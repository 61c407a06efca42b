using System.Globalization;

namespace OrleansCases.Benchmark;

/// <summary>
/// The command line: which scenarios, how long, where to write.
///   --smoke                 seconds instead of minutes, a few connections: checks the benchmark itself (test.sh)
///   --scenarios S1,S2,…     a subset of S1 (delivery), S2 (connections), S3 (throughput), S4 (catch-up), S5 (conversation), idle
///   --seconds N             measured seconds per S1 run (default 30)
///   --out DIR               results folder (default benchmark/results)
///   --set Key=Value         extra configuration for silo and web (repeatable), e.g. to compare a setting
///   --product DIR           run the silo and web built in another checkout (a before/after comparison)
///   --loads light,…         only these S1 loads (light, demo spread, synthetic)
///   --azurite-in-memory     Azurite without its periodic save of the whole store to disk (not as ./run.sh runs it)
/// </summary>
public sealed record BenchmarkOptions(
    bool Smoke, IReadOnlySet<string> Scenarios, double Seconds, string? Out, IReadOnlyDictionary<string, string> Settings, string? Product,
    IReadOnlySet<string>? Loads, bool AzuriteInMemory)
{
    public static readonly string[] AllScenarios = ["idle", "S1", "S2", "S3", "S4", "S5"];

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    public static BenchmarkOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var smoke = false;
        var scenarios = new HashSet<string>(AllScenarios, StringComparer.OrdinalIgnoreCase);
        double? seconds = null;
        string? output = null;
        var settings = new Dictionary<string, string>();
        string? product = null;
        HashSet<string>? loads = null;
        var inMemory = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    smoke = true;
                    break;
                case "--scenarios":
                    scenarios = new HashSet<string>(Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
                    foreach (var s in scenarios.Where(s => !AllScenarios.Contains(s, StringComparer.OrdinalIgnoreCase)))
                    {
                        throw new ArgumentException($"unknown scenario '{s}'; known: {string.Join(", ", AllScenarios)}");
                    }

                    break;
                case "--seconds":
                    seconds = double.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--loads":
                    loads = new HashSet<string>(Value(args, ref i).Split(',', StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
                    break;
                case "--azurite-in-memory":
                    inMemory = true;
                    break;
                case "--product":
                    product = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--set":
                    var setting = Value(args, ref i).Split('=', 2);
                    settings[setting[0].Replace(":", "__", StringComparison.Ordinal)] = setting.ElementAtOrDefault(1) ?? "";
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        return new BenchmarkOptions(smoke, scenarios, seconds ?? (smoke ? 3 : 30), output, settings, product, loads, inMemory);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
}
