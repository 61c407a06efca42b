namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>Picks among the latest things a run made (cursors, commandIds, requests, cases): what a client would reuse.</summary>
public static class Recent
{
    /// <summary>One of the last <paramref name="window"/> items, by <paramref name="pick"/>; default when there are none.</summary>
    public static T? Pick<T>(IReadOnlyList<T> items, int pick, int window)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? default : items[items.Count - 1 - (pick % Math.Min(items.Count, window))];
    }
}
