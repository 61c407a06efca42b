using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.InputRules;

/// <summary>patientRef: 1 to 64 letters, digits, '-' and '_' (docs/design.md section 4); it goes into list rows and URLs.</summary>
public sealed class PatientRefTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("PAT-0001")]
    [InlineData("anc_visit-2025_07")]
    [InlineData("0123456789")]
    public void Letters_digits_dashes_and_underscores_are_accepted(string patientRef)
    {
        Assert.Empty(CaseInputRules.Validate(Create(patientRef)));
    }

    [Fact]
    public void Exactly_64_characters_are_accepted()
    {
        Assert.Empty(CaseInputRules.Validate(Create(new string('x', 64))));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("with space")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("<script>")]
    [InlineData(" PAT-1")]
    public void Anything_else_is_rejected(string? patientRef)
    {
        Assert.Equal(["patientRef"], CaseInputRules.Validate(Create(patientRef!)).Keys);
    }

    [Fact]
    public void Sixty_five_characters_are_rejected()
    {
        Assert.Equal(["patientRef"], CaseInputRules.Validate(Create(new string('x', 65))).Keys);
    }

    private static CreateCaseCommand Create(string patientRef) => Commands.Create(Users.AshaNorth) with { PatientRef = patientRef };
}
