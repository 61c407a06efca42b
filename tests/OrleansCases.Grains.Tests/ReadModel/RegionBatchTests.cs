using Azure;
using Azure.Data.Tables;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;
using Xunit;

namespace OrleansCases.Grains.Tests.ReadModel;

/// <summary>How a region batch makes room for the feed rows it prunes, within Azure Table's 100 actions.</summary>
[Trait("Category", "Grains")]
public sealed class RegionBatchTests
{
    private static readonly DateTimeOffset _at = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_rows_due_to_go_a_batch_holds_eight_of_the_largest_changes_and_deletes_no_feed_row()
    {
        var batch = Fill(new RegionBatch("north", 1000, _at, FeedPruning.None));
        var actions = batch.Build(new ETag("x"));

        Assert.Equal(8, batch.Changes.Count);
        Assert.Equal(1 + (8 * RegionBatch.MaxActionsPerChange), actions.Count);
        Assert.DoesNotContain(actions, IsFeedDelete);
        Assert.Equal(0, batch.Floor);
    }

    [Fact]
    public void With_rows_due_to_go_a_batch_keeps_room_to_delete_one_per_change_and_one_more()
    {
        var batch = Fill(new RegionBatch("north", 1000, _at, new FeedPruning(Floor: 100, OldUpTo: 900, MinEvents: 5)));
        var actions = batch.Build(new ETag("x"));
        var deleted = actions.Where(IsFeedDelete).Select(a => RowKeys.FeedSeq(a.Entity.RowKey));

        Assert.Equal(7, batch.Changes.Count);
        Assert.InRange(actions.Count, 1, RegionBatch.MaxActions);
        Assert.Equal(Enumerable.Range(101, 8).Select(i => (long)i), deleted);
        Assert.Equal(108, batch.Floor);
        Assert.Equal(108L, Assert.IsType<TableEntity>(actions[0].Entity).GetInt64("Floor"));
    }

    [Fact]
    public void A_batch_prunes_neither_past_the_aged_rows_nor_within_MinEvents_of_its_head()
    {
        var aged = new RegionBatch("north", 20, _at, new FeedPruning(Floor: 10, OldUpTo: 11, MinEvents: 5));
        var recent = new RegionBatch("north", 14, _at, new FeedPruning(Floor: 7, OldUpTo: 14, MinEvents: 5));
        aged.Add(Change("a", 1), previous: null);
        recent.Add(Change("a", 1), previous: null);

        Assert.Equal(11, aged.Floor);
        Assert.Equal(15 - 5 - 1, recent.Floor);
    }

    private static bool IsFeedDelete(TableTransactionAction action) =>
        action.ActionType == TableTransactionActionType.Delete && action.Entity.RowKey.StartsWith(RowKeys.FeedPrefix, StringComparison.Ordinal);

    /// <summary>Adds changes of 12 actions each (feed, history, tip, four list rows deleted and four added, the patient row) while they fit.</summary>
    private static RegionBatch Fill(RegionBatch batch)
    {
        for (var i = 0; ; i++)
        {
            var change = Change($"case{i}", 3);
            if (!batch.CanTake(change))
            {
                return batch;
            }

            var previous = new CaseTip(change.Case with { Version = 2, AssigneeId = "clinician" }, 10 + i, CallerId: "chw", CommandId: "command-2");
            batch.Add(change, previous);
        }
    }

    private static CaseChange Change(string caseId, int version)
    {
        var record = new CaseRecord(
            Id: caseId,
            Region: "north",
            PatientRef: "P-1",
            Summary: "Fever",
            Priority: CasePriority.Routine,
            Status: CaseStatus.ForwardedToClinician,
            Version: version,
            OwnerId: "asha",
            AssigneeId: "clinician2",
            Facility: null,
            CreatedAt: _at,
            UpdatedAt: _at);
        var entry = new CaseHistoryEntry(
            Version: version,
            Action: CaseAction.Assign,
            From: CaseStatus.ForwardedToClinician,
            To: CaseStatus.ForwardedToClinician,
            By: "chw",
            ByName: "CHW",
            At: _at,
            Note: null,
            AssigneeId: "clinician2",
            Facility: null);
        return new CaseChange(record, entry, PreviousAssigneeId: "clinician", CommandId: $"command-{version}");
    }
}
