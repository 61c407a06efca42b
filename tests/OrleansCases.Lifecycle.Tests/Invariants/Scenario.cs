using System.Text;
using OrleansCases.Abstractions;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// One random life of one case: a directory of users, who opens the case, and the commands that follow.
/// Indices are taken modulo the number of users, so any step fits any directory (and survives shrinking).
/// </summary>
public sealed record Scenario(
    IReadOnlyList<UserRef> Users,
    int Creator,
    CasePriority Priority,
    int StartVersion,
    IReadOnlyList<ScenarioStep> Steps)
{
    public UserRef UserAt(int index) => Users[index % Users.Count];

    // FsCheck prints the counterexample with ToString; the default record text would hide the lists' contents.
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("users: ").AppendJoin(", ", Users.Select(u => u.Id)).AppendLine();
        text.Append("creator: ").Append(UserAt(Creator).Id).Append(", start version: ").Append(StartVersion).AppendLine();
        foreach (var step in Steps)
        {
            text.Append("  ").Append(step.Describe(this)).AppendLine();
        }

        return text.ToString();
    }
}

/// <summary>
/// One command of a <see cref="Scenario"/>. A guided step lets the design model pick a (user, action) it expects to
/// succeed, so sequences get past the first refusals and reach every status; an unguided step is sent as generated.
/// </summary>
public sealed record ScenarioStep(
    int User,
    CaseAction Action,
    string? Note,
    string? Reason,
    string? Facility,
    int? AssignTo,
    bool Guided,
    int Pick)
{
    public string Describe(Scenario scenario) =>
        Guided
            ? $"guided #{Pick} assignTo={Name(scenario)}"
            : $"{scenario.UserAt(User).Id} {Action} note={Show(Note)} reason={Show(Reason)} facility={Show(Facility)} assignTo={Name(scenario)}";

    private string Name(Scenario scenario) => AssignTo is { } i ? scenario.UserAt(i).Id : "-";

    private static string Show(string? text) => text is null ? "-" : text.Length > 20 ? $"<{text.Length} chars>" : $"'{text}'";
}
