using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains.Conversation;

/// <summary>
/// One user's read marks (see <see cref="IReadMarksGrain"/>), stored whole on each change. Bounded: past
/// <see cref="MaxCases"/> the marks marked longest ago go, and those cases' lists count their messages unread again,
/// which only a user who read that many conversations since will ever see.
/// </summary>
public sealed class ReadMarksGrain(
    [PersistentState("reads", CaseStorage.Cases)] IPersistentState<ReadMarks> state,
    [FromKeyedServices(CaseClock.Key)] TimeProvider clock) : Grain, IReadMarksGrain
{
    public const int MaxCases = 2_000;

    public async Task MarkAsync(string caseId, int upTo)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var marks = state.State.Cases;
        if (marks.TryGetValue(caseId, out var mark) && mark.UpTo >= upTo)
        {
            return;
        }

        marks = marks.SetItem(caseId, new ReadMark(upTo, clock.GetUtcNow()));
        if (marks.Count > MaxCases)
        {
            marks = marks.RemoveRange(marks.OrderBy(m => m.Value.At).Take(marks.Count - MaxCases).Select(m => m.Key));
        }

        state.State = state.State with { Cases = marks };
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, int>> ReadUpToAsync(IReadOnlyList<string> caseIds)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var marks = state.State.Cases;
        IReadOnlyDictionary<string, int> found = caseIds.Distinct(StringComparer.Ordinal)
            .Where(marks.ContainsKey)
            .ToDictionary(id => id, id => marks[id].UpTo, StringComparer.Ordinal);
        return Task.FromResult(found);
    }
}
