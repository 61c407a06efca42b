using System.Globalization;
using OrleansCases.Abstractions;

namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// The row keys of a region's partition. Everything a region writes shares one partition, so one entity-group
/// batch can store a change's feed row, history row, case tip and list rows together. Lists sort by inverted
/// sequence number, so Azure Table's ascending RowKey order is "newest change first" and a page is a range scan.
/// </summary>
public static class RowKeys
{
    public const string Head = "head";

    public static string Feed(long seq) => "f|" + Number(seq);

    public static string FeedPrefix => "f|";

    /// <summary>The seq of a feed row's key.</summary>
    public static long FeedSeq(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        return long.Parse(rowKey.AsSpan(FeedPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public static string History(string caseId, int version) =>
        $"h|{caseId}|{version.ToString("D4", CultureInfo.InvariantCulture)}";

    public static string HistoryPrefix(string caseId) => $"h|{caseId}|";

    public static string Tip(string caseId) => "c|" + caseId;

    /// <summary>A message of a case's thread, by its number (at most <c>ConversationRules.MaxMessages</c>).</summary>
    public static string Message(string caseId, int number) =>
        $"{MessagePrefix(caseId)}{number.ToString("D4", CultureInfo.InvariantCulture)}";

    public static string MessagePrefix(string caseId) => $"m|{caseId}|";

    /// <summary>How far one user has read a case's thread (its read receipt).</summary>
    public static string Reader(string caseId, string userId) => ReaderPrefix(caseId) + Escape(userId);

    public static string ReaderPrefix(string caseId) => $"s|{caseId}|";

    /// <summary>A clinician's first read of a case ("seen by"): one row per clinician, added once.</summary>
    public static string Seen(string caseId, string userId) => SeenPrefix(caseId) + Escape(userId);

    public static string SeenPrefix(string caseId) => $"v|{caseId}|";

    /// <summary>
    /// One read of a case's detail in its read audit: by inverted time, so that key order is newest first, then a
    /// random part, so that two reads in one tick are two rows.
    /// </summary>
    public static string AuditRead(string caseId, DateTimeOffset at) =>
        AuditPrefix(caseId) + Number(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks) + "|" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The first audit key of reads at or before <paramref name="at"/>: where the reads older than a moment begin.</summary>
    public static string AuditReadsUpTo(string caseId, DateTimeOffset at) =>
        AuditPrefix(caseId) + Number(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks);

    public static string AuditPrefix(string caseId) => $"u|{caseId}|";

    /// <summary>Every read audit row of a region starts with this; the retention sweep reads nothing else.</summary>
    public const string AuditRowsPrefix = "u|";

    /// <summary>The prefix of one list; user ids are escaped so no id can reach into another list's keys.</summary>
    public static string ListPrefix(CaseListView view, string? userId) => view switch
    {
        CaseListView.Region => "r|",
        CaseListView.Queue => "q|",
        CaseListView.Owner => $"o|{Escape(userId)}|",
        CaseListView.Assignee => $"a|{Escape(userId)}|",
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, null),
    };

    /// <summary>The keys a query reads: its list's prefix, or for a patient search the prefix of the references sought.</summary>
    public static string PrefixOf(CaseListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.View == CaseListView.Patient
            ? PatientPrefix + Escape(Reference(query.Patient ?? throw new ArgumentException("A patient search needs a reference.", nameof(query))))
            : ListPrefix(query.View, query.UserId);
    }

    public static string ListRow(CaseListView view, string? userId, long seq) =>
        ListPrefix(view, userId) + Number(long.MaxValue - seq);

    /// <summary>
    /// A case's row in the patient index: its reference in upper case (a search ignores case), then its id. A case's
    /// reference never changes, so neither does its row's key: each change replaces the row (one operation, where the
    /// other lists delete and add). The '!' after the reference sorts below every character a reference may hold, so a
    /// search for "P-1" finds P-1's cases first, then P-10's.
    /// </summary>
    public static string PatientRow(CaseRecord @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return PatientPrefix + Escape(Reference(@case.PatientRef)) + "!" + @case.Id;
    }

    private const string PatientPrefix = "p|";

    private static string Reference(string patientRef) => patientRef.ToUpperInvariant();

    /// <summary>The smallest key greater than every key that starts with <paramref name="prefix"/>.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>The list rows a case has in a given state: every list it belongs to, keyed by its latest seq.</summary>
    public static IEnumerable<string> ListRowsOf(CaseTip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        yield return ListRow(CaseListView.Region, null, tip.Seq);
        yield return ListRow(CaseListView.Owner, tip.Case.OwnerId, tip.Seq);
        if (tip.Case.Status == CaseStatus.ForwardedToClinician)
        {
            yield return ListRow(CaseListView.Queue, null, tip.Seq);
        }

        if (tip.Case.AssigneeId is not null)
        {
            yield return ListRow(CaseListView.Assignee, tip.Case.AssigneeId, tip.Seq);
        }
    }

    private static string Number(long value) => value.ToString("D19", CultureInfo.InvariantCulture);

    // Uri escaping leaves only letters, digits and -._~ unescaped, none of which Azure Table forbids in keys.
    private static string Escape(string? userId) =>
        Uri.EscapeDataString(userId ?? throw new ArgumentException("This list needs a user id.", nameof(userId)));
}
