using System.Globalization;
using OrleansCases.Abstractions;
using OrleansCases.Web.Live;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>Whether an event as sent (live or by the feed) is the change the model holds for its (case, version).</summary>
public static class EventMatch
{
    /// <summary>The fields that differ, or null when the event is exactly the model's.</summary>
    public static string? Differences(CaseStatusUpdate sent, ModelEvent e)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(e);
        var name = FuzzCallers.Users.FirstOrDefault(u => u.Id == e.UpdatedBy)?.Name;
        var expected = new (string Field, object? Sent, object? Model)[]
        {
            ("caseId", sent.CaseId, e.CaseId),
            ("version", sent.Version, e.Version),
            ("seq", sent.Seq, e.Seq),
            ("region", sent.Region, e.Region),
            ("status", sent.Status, e.Status.ToString()),
            ("previousStatus", sent.PreviousStatus, e.PreviousStatus?.ToString()),
            ("action", sent.Action, WireName.Of(e.Action)),
            ("updatedBy", sent.UpdatedBy, e.UpdatedBy),
            ("updatedByName", sent.UpdatedByName, name),
            ("ownerId", sent.OwnerId, e.OwnerId),
            ("assigneeId", sent.AssigneeId, e.AssigneeId),
            ("previousAssigneeId", sent.PreviousAssigneeId, e.PreviousAssigneeId),
            ("priority", sent.Priority, e.Priority.ToString().ToLowerInvariant()),
            ("note", sent.Note, e.Note),
            ("timestamp", ParseTime(sent.Timestamp), e.Timestamp),
        };
        var wrong = expected.Where(f => !Equals(f.Sent, f.Model)).Select(f => $"{f.Field} {f.Sent ?? "null"} (stored: {f.Model ?? "null"})").ToArray();
        return wrong.Length == 0 ? null : string.Join(", ", wrong);
    }

    /// <summary>The model's event for a sent (case, version), if the model has one.</summary>
    public static ModelEvent? Find(CaseModel model, CaseStatusUpdate sent)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sent);
        var events = model.Events(sent.Region);
        return sent.Seq >= 1 && sent.Seq <= events.Count && events[(int)(sent.Seq - 1)] is var e && e.CaseId == sent.CaseId && e.Version == sent.Version
            ? e
            : model.AllEvents.FirstOrDefault(x => x.CaseId == sent.CaseId && x.Version == sent.Version);
    }

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
