using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions;

/// <summary>Where a case stands in its lifecycle (docs/design.md section 2). JSON spelling is the member name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    Open,
    ForwardedToClinician,
    UnderReview,
    NeedsInfo,
    Referred,
    Completed,
    Cancelled,
}
