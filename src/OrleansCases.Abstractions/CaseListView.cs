namespace OrleansCases.Abstractions;

/// <summary>The stored lists of a region (docs/design.md section 4, GET /api/cases?view=).</summary>
public enum CaseListView
{
    /// <summary>Every case of the region.</summary>
    Region,

    /// <summary>Cases owned by one user.</summary>
    Owner,

    /// <summary>The review queue: cases forwarded to a clinician.</summary>
    Queue,

    /// <summary>Cases assigned to one user.</summary>
    Assignee,
}
