using OrleansCases.Abstractions;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// docs/design.md section 3 written out again, from the text, for the isolation checks: who may read a case, and which of
/// a user's own groups (not case watches) receive an event. Kept apart from <c>CaseLifecycle</c> and
/// <c>CaseGroups</c>, so that a mistake there cannot hide behind itself.
/// </summary>
public static class Section3
{
    /// <summary>"The owner; every chw and clinician of the case's region; admins."</summary>
    public static bool MayRead(UserRef user, string region, string ownerId) =>
        user.Role == UserRole.Admin
        || user.Id == ownerId
        || (user.Region == region && user.Role is UserRole.Chw or UserRole.Clinician);

    /// <summary>The groups table: user:{id}, region:{r}:role:chw, region:{r}:role:clinician (the review queue), admins.</summary>
    public static bool Receives(UserRef user, ModelEvent e)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(e);
        if (user.Role == UserRole.Admin || user.Id == e.OwnerId || user.Id == e.AssigneeId || user.Id == e.PreviousAssigneeId)
        {
            return true;
        }

        if (user.Region != e.Region)
        {
            return false;
        }

        return user.Role == UserRole.Chw
            || (user.Role == UserRole.Clinician
                && (e.Status == CaseStatus.ForwardedToClinician || e.PreviousStatus == CaseStatus.ForwardedToClinician));
    }
}
