using OrleansCases.Abstractions.Reads;

namespace OrleansCases.Web.Reads;

/// <summary>A page of a case's read audit, newest first; <see cref="NextCursor"/> continues it, null at the end.</summary>
public sealed record ReadAuditResponse(IReadOnlyList<CaseReadResponse> Items, string? NextCursor)
{
    public static ReadAuditResponse From(ReadAuditPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new([.. page.Items.Select(CaseReadResponse.From)], page.NextCursor);
    }
}
