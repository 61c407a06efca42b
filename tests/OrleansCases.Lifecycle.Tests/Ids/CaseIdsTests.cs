using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Ids;

/// <summary>
/// A create's case id derives from (caller, commandId): a replay must land on the same grain, and two different
/// creates must never share one.
/// </summary>
public sealed class CaseIdsTests
{
    [Fact]
    public void The_same_caller_and_commandId_give_the_same_id()
    {
        Assert.Equal(CaseIds.ForCreate("asha.north", "cmd-1"), CaseIds.ForCreate("asha.north", "cmd-1"));
    }

    [Fact]
    public void Another_caller_or_another_commandId_gives_another_id()
    {
        var ids = new[]
        {
            CaseIds.ForCreate("asha.north", "cmd-1"),
            CaseIds.ForCreate("asha.north", "cmd-2"),
            CaseIds.ForCreate("asha2.north", "cmd-1"),
            CaseIds.ForCreate("asha.north", "cmd-1 "),
            CaseIds.ForCreate("asha.northcmd-1", ""),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void A_derived_id_is_well_formed()
    {
        var id = CaseIds.ForCreate("asha.north", "cmd-1");

        Assert.Matches("^c[0-9a-f]{24}$", id);
        Assert.True(CaseIds.IsWellFormed(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c")]
    [InlineData("c0123456789abcdef0123456")]
    [InlineData("c0123456789abcdef012345678")]
    [InlineData("c0123456789ABCDEF01234567")]
    [InlineData("d0123456789abcdef01234567")]
    [InlineData("c0123456789abcdef0123456g")]
    [InlineData("../../etc/passwdxxxxxxxxx")]
    public void Garbage_is_not_well_formed(string? id)
    {
        Assert.False(CaseIds.IsWellFormed(id));
    }

    [Property(MaxTest = 500)]
    public Property Every_derived_id_is_deterministic_and_well_formed() =>
        Prop.ForAll(Callers, ValidCommandIds, (caller, commandId) =>
        {
            var id = CaseIds.ForCreate(caller, commandId);
            return id == CaseIds.ForCreate(caller, commandId) && CaseIds.IsWellFormed(id);
        });

    [Property(MaxTest = 500)]
    public Property Different_caller_or_commandId_gives_a_different_id() =>
        Prop.ForAll(Inputs, Inputs, (first, second) =>
            first == second || CaseIds.ForCreate(first.Caller, first.CommandId) != CaseIds.ForCreate(second.Caller, second.CommandId));

    private static readonly Gen<string> _callers = Gen.Elements("asha.north", "asha2.north", "chw.north", "oidc|1234", "");

    // Only commandIds that pass CaseInputRules reach ForCreate: printable ASCII without spaces. Short ones from a small
    // alphabet make distinct inputs look alike, which is where a derivation that ignored a part would collide.
    private static readonly Gen<string> _commandIds =
        Gen.Elements('a', 'b', '1', '-', '~').ArrayOf().Select(chars => new string(chars)).Where(s => s.Length is >= 1 and <= 6);

    private static Arbitrary<string> Callers { get; } = _callers.ToArbitrary();

    private static Arbitrary<string> ValidCommandIds { get; } = _commandIds.ToArbitrary();

    private static Arbitrary<(string Caller, string CommandId)> Inputs { get; } = Gen.Zip(_callers, _commandIds).ToArbitrary();
}
