using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Every transition appends version, action, from, to, by, at and note (docs/design.md section 2).</summary>
public sealed class HistoryEntryTests
{
    [Fact]
    public void A_transition_records_who_did_what_when_from_which_status()
    {
        var underReview = Cases.UnderReview();
        var at = Cases.Now.AddHours(2);

        var decision = CaseLifecycle.Decide(
            underReview, Commands.Valid(Users.ClinicianNorth, CaseAction.RequestInfo), at);

        var entry = decision.Entry!;
        Assert.Equal(underReview.Version + 1, entry.Version);
        Assert.Equal(CaseAction.RequestInfo, entry.Action);
        Assert.Equal(CaseStatus.UnderReview, entry.From);
        Assert.Equal(CaseStatus.NeedsInfo, entry.To);
        Assert.Equal(("clinician.north", "Clinician North"), (entry.By, entry.ByName));
        Assert.Equal(at, entry.At);
        Assert.Equal(at, decision.Next!.UpdatedAt);
        Assert.Equal(underReview.CreatedAt, decision.Next.CreatedAt);
        Assert.Equal(Commands.Note, entry.Note);
    }

    [Fact]
    public void Each_transition_adds_exactly_one_version()
    {
        var @case = Cases.Open();
        Assert.Equal(1, @case.Version);

        @case = Cases.Apply(@case, Users.AshaNorth, CaseAction.Forward);
        @case = Cases.Apply(@case, Users.ClinicianNorth, CaseAction.Claim);
        @case = Cases.Apply(@case, Users.ClinicianNorth, CaseAction.Release);

        Assert.Equal(4, @case.Version);
    }
}
