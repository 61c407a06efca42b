using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Reads;

namespace OrleansCases.Web.Reads;

/// <summary>One read of a case's detail in its read audit: who, with which role, when, and through what (api | hub).</summary>
public sealed record CaseReadResponse(string UserId, string Name, UserRole Role, DateTimeOffset At, ReadChannel Via)
{
    public static CaseReadResponse From(CaseRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new(read.UserId, read.Name, read.Role, read.At, read.Via);
    }
}
