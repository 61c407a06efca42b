using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions;

/// <summary>The stored lists of a region (docs/design.md section 4); their names are GET /api/cases?view=.</summary>
public enum CaseListView
{
    /// <summary>Every case of the region.</summary>
    [JsonStringEnumMemberName("region")] Region,

    /// <summary>Cases owned by one user.</summary>
    [JsonStringEnumMemberName("mine")] Owner,

    /// <summary>The review queue: cases forwarded to a clinician.</summary>
    [JsonStringEnumMemberName("queue")] Queue,

    /// <summary>Cases assigned to one user.</summary>
    [JsonStringEnumMemberName("assigned")] Assignee,

    /// <summary>
    /// A search: the region's cases whose patient reference starts with <see cref="CaseListQuery.Patient"/> (any case),
    /// ordered by reference, then by case id; with <see cref="CaseListQuery.UserId"/>, only that owner's.
    /// </summary>
    [JsonStringEnumMemberName("patient")] Patient,
}
