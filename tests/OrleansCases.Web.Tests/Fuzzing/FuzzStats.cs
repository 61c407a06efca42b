using System.Globalization;
using System.Text;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>What a run sent and got: requests and hub calls, answers by status, steps by kind.</summary>
public sealed class FuzzStats
{
    private readonly SortedDictionary<int, int> _statuses = [];
    private readonly SortedDictionary<string, int> _hub = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _steps = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _checked = new(StringComparer.Ordinal);

    public int Requests { get; private set; }

    public int HubCalls { get; private set; }

    public int Total => Requests + HubCalls;

    public int LiveEvents { get; set; }

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    public void Answered(int status)
    {
        Requests++;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
    }

    public void HubCall(string outcome)
    {
        HubCalls++;
        _hub[outcome] = _hub.GetValueOrDefault(outcome) + 1;
    }

    /// <summary>Counts one exact check of a kind (a replay compared, a list page compared...), to show what a run covered.</summary>
    public void Checked(string what, int count = 1) => _checked[what] = _checked.GetValueOrDefault(what) + count;

    public void Stepped(FuzzStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var name = step.GetType().Name;
        _steps[name] = _steps.GetValueOrDefault(name) + 1;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"HTTP requests {Requests:N0}, hub calls {HubCalls:N0}: {Total:N0} in all; live events received {LiveEvents:N0}")
            .AppendLine();
        text.Append("  HTTP status: ").AppendJoin(", ", _statuses.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:N0}"))).AppendLine();
        text.Append("  hub calls: ").AppendJoin(", ", _hub.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:N0}"))).AppendLine();
        text.Append("  steps: ").AppendJoin(", ", _steps.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:N0}"))).AppendLine();
        text.Append("  checked: ").AppendJoin(", ", _checked.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:N0}")));
        return text.ToString();
    }
}
