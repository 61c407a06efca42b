namespace OrleansCases.Abstractions.Lifecycle;

/// <summary>What a transition does to the case's assignee.</summary>
public enum AssigneeEffect
{
    /// <summary>The assignee stays as it is.</summary>
    Keep,

    /// <summary>The assignee becomes the command's assignTo; for forward only when one is given.</summary>
    FromInput,

    /// <summary>The user who performs the transition becomes the assignee.</summary>
    Actor,

    /// <summary>The assignee is cleared.</summary>
    Clear,
}
