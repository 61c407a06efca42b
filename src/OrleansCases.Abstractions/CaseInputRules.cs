using System.Text.RegularExpressions;

namespace OrleansCases.Abstractions;

/// <summary>
/// The shape rules of docs/design.md section 4 for every command field. The web runs them to answer 400 before it calls
/// a grain; the grain runs them again because it trusts no caller.
/// </summary>
public static partial class CaseInputRules
{
    public const int PatientRefMaxLength = 64;
    public const int SummaryMaxLength = 2_000;
    public const int NoteMaxLength = 1_000;
    public const int ReasonMaxLength = 1_000;
    public const int FacilityMaxLength = 200;
    public const int CommandIdMaxLength = 100;

    public static IReadOnlyDictionary<string, string[]> Validate(CreateCaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new ErrorList();
        CheckCommandId(errors, command.CommandId);
        if (!IsPatientRef(command.PatientRef))
        {
            errors.Add("patientRef", $"must be 1 to {PatientRefMaxLength} letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            errors.Add("summary", "is required.");
        }
        else if (command.Summary.Length > SummaryMaxLength)
        {
            errors.Add("summary", $"must be at most {SummaryMaxLength} characters.");
        }

        if (!Enum.IsDefined(command.Priority))
        {
            errors.Add("priority", "must be routine, urgent or emergency.");
        }

        return errors.ToDictionary();
    }

    public static IReadOnlyDictionary<string, string[]> Validate(CaseActionCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new ErrorList();
        CheckCommandId(errors, command.CommandId);
        var transition = Lifecycle.TransitionTable.Rows.FirstOrDefault(t => t.Action == command.Action);
        if (transition is null || command.Action == CaseAction.Create)
        {
            errors.Add("action", "is not an action on an existing case.");
            return errors.ToDictionary();
        }

        CheckText(errors, "note", command.Note, NoteMaxLength);
        CheckText(errors, "reason", command.Reason, ReasonMaxLength);
        CheckText(errors, "facility", command.Facility, FacilityMaxLength);
        if (command.ExpectedVersion is < 1)
        {
            errors.Add("expectedVersion", "must be 1 or more.");
        }

        var fields = transition.Fields;
        CheckField(errors, fields, Lifecycle.CaseFields.Note, "note", command.Note, command.Action);
        CheckField(errors, fields, Lifecycle.CaseFields.Reason, "reason", command.Reason, command.Action);
        CheckField(errors, fields, Lifecycle.CaseFields.Facility, "facility", command.Facility, command.Action);
        if (command.AssignTo is not null && !transition.Accepts(Lifecycle.CaseFields.AssignTo))
        {
            errors.Add("assignTo", $"is not used by '{WireName.Of(command.Action)}'.");
        }

        return errors.ToDictionary();
    }

    /// <summary>Whether <paramref name="id"/> may be a client's idempotency key: a command's id, a message's clientMessageId.</summary>
    public static bool IsClientKey(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= CommandIdMaxLength && !id.Any(c => c is <= ' ' or > '~');

    private static void CheckCommandId(ErrorList errors, string? commandId)
    {
        if (!IsClientKey(commandId))
        {
            errors.Add("commandId", $"must be 1 to {CommandIdMaxLength} printable ASCII characters without spaces.");
        }
    }

    private static void CheckText(ErrorList errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters.");
        }
    }

    private static void CheckField(
        ErrorList errors, Lifecycle.CaseFields fields, Lifecycle.CaseFields field, string name, string? value, CaseAction action)
    {
        var present = !string.IsNullOrWhiteSpace(value);
        if (present && !fields.HasFlag(field))
        {
            errors.Add(name, $"is not used by '{WireName.Of(action)}'.");
        }
        else if (!present && Lifecycle.TransitionTable.Rows.Any(t => t.Action == action && t.Requires.HasFlag(field)))
        {
            errors.Add(name, $"is required by '{WireName.Of(action)}'.");
        }
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a patient reference (also what a patient search takes).</summary>
    public static bool IsPatientRef(string? text) => PatientRefPattern().IsMatch(text ?? "");

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex PatientRefPattern();

    private sealed class ErrorList
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }

            list.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() =>
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
