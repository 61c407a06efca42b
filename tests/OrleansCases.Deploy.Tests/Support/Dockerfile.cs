namespace OrleansCases.Deploy.Tests.Support;

/// <summary>A Dockerfile read as instructions (continuation lines joined, comments dropped), split into its stages.</summary>
public sealed class Dockerfile
{
    public Dockerfile(string relativePath)
    {
        Path = relativePath;
        var joined = RepoFiles.Read(relativePath).Replace("\\\n", " ", StringComparison.Ordinal);
        Instructions = [.. joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries) is [var op, var rest] ? (op.ToUpperInvariant(), rest) : (l.ToUpperInvariant(), ""))];
    }

    public string Path { get; }

    public IReadOnlyList<(string Op, string Args)> Instructions { get; }

    /// <summary>The instructions of each stage, each list beginning with its FROM.</summary>
    public IReadOnlyList<IReadOnlyList<(string Op, string Args)>> Stages
    {
        get
        {
            var stages = new List<List<(string Op, string Args)>>();
            foreach (var instruction in Instructions)
            {
                if (instruction.Op == "FROM")
                {
                    stages.Add([]);
                }

                if (stages.Count > 0)
                {
                    stages[^1].Add(instruction);
                }
            }

            return stages;
        }
    }

    public IReadOnlyList<(string Op, string Args)> FinalStage => Stages[^1];

    /// <summary>ENV settings of a stage (KEY=value pairs, several per line allowed).</summary>
    public static IReadOnlyDictionary<string, string> Env(IEnumerable<(string Op, string Args)> stage) =>
        stage.Where(i => i.Op == "ENV")
            .SelectMany(i => i.Args.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(pair => pair.Contains('=', StringComparison.Ordinal))
            .ToDictionary(pair => pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair => pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
}
