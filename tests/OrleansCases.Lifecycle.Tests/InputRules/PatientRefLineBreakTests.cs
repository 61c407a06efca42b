using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.InputRules;

/// <summary>
/// A trailing line break is neither a letter, a digit, '-' nor '_'. .NET's '$' also matches just before a final
/// "\n", so a pattern anchored with '$' lets "PAT-1\n" (and 64 characters plus "\n") through.
/// </summary>
public sealed class PatientRefLineBreakTests
{
    [Theory]
    [Trait("Category", "SrcBug")]
    [InlineData("PAT-1\n")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")]
    public void A_patientRef_ending_in_a_line_break_is_rejected(string patientRef)
    {
        var command = Commands.Create(Users.AshaNorth) with { PatientRef = patientRef };

        Assert.Equal(["patientRef"], CaseInputRules.Validate(command).Keys);
    }

    [Theory]
    [InlineData("PAT-1\r\n")]
    [InlineData("\nPAT-1")]
    [InlineData("PAT\n-1")]
    public void A_patientRef_with_other_line_breaks_is_rejected(string patientRef)
    {
        var command = Commands.Create(Users.AshaNorth) with { PatientRef = patientRef };

        Assert.Equal(["patientRef"], CaseInputRules.Validate(command).Keys);
    }
}
