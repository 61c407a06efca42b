using System.Globalization;
using System.Text;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// Invariant breaks found in a run, each with where it happened. The run goes on after a break, so one run counts
/// them all; the test fails at the end if there is any.
/// </summary>
public sealed class Breaks
{
    private const int Shown = 25;
    private readonly List<string> _found = [];
    private readonly SortedDictionary<string, int> _byInvariant = new(StringComparer.Ordinal);

    public int Count => _found.Count;

    /// <summary>Where the run is: program, step and what the step sent, for the messages.</summary>
    public string Where { get; set; } = "setup";

    public void Add(string invariant, string detail)
    {
        _byInvariant[invariant] = _byInvariant.GetValueOrDefault(invariant) + 1;
        _found.Add($"[{invariant}] {Where}: {detail}");
    }

    /// <summary>Adds a break unless <paramref name="holds"/>; answers it.</summary>
    public bool Check(bool holds, string invariant, Func<string> detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (!holds)
        {
            Add(invariant, detail());
        }

        return holds;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"invariant breaks: {Count}");
        if (Count > 0)
        {
            text.Append(" (").AppendJoin(", ", _byInvariant.Select(p => $"{p.Key}: {p.Value}")).Append(')').AppendLine();
            foreach (var found in _found.Take(Shown))
            {
                text.AppendLine(found.Length > 1_500 ? found[..1_500] + "…" : found);
            }

            if (Count > Shown)
            {
                text.Append(CultureInfo.InvariantCulture, $"… and {Count - Shown} more");
            }
        }

        return text.ToString();
    }
}
