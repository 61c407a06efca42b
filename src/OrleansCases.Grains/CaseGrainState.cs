using OrleansCases.Abstractions;

namespace OrleansCases.Grains;

/// <summary>
/// What a case grain stores, replaced whole on every write. The history is not here: it grows to 1,000 entries of
/// up to 1,000 characters, past Azure Table's 1 MiB entity, so the region log stores it row by row in the same
/// batch as the feed. The outbox holds the latest change until the region log has it.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseGrainState")]
public sealed record CaseGrainState
{
    /// <summary>How many recent command ids a case remembers for idempotent replays.</summary>
    public const int RememberedCommands = 256;

    [Id(0)]
    public CaseRecord? Case { get; init; }

    [Id(1)]
    public IReadOnlyList<CommandMark> RecentCommands { get; init; } = [];

    [Id(2)]
    public IReadOnlyList<CaseChange> Outbox { get; init; } = [];

    public CommandMark? FindCommand(string callerId, string commandId) =>
        RecentCommands.FirstOrDefault(m => m.CallerId == callerId && m.CommandId == commandId);

    /// <summary>The state after <paramref name="change"/>, remembering the command that made it.</summary>
    public CaseGrainState After(CaseChange change, string callerId, string commandId)
    {
        ArgumentNullException.ThrowIfNull(change);
        var marks = RecentCommands.Count < RememberedCommands ? RecentCommands : RecentCommands.Skip(1);
        return this with
        {
            Case = change.Case,
            RecentCommands = [.. marks, new CommandMark(callerId, commandId, change.Case.Version)],
            Outbox = [change],
        };
    }
}
