using Microsoft.Extensions.Options;

namespace OrleansCases.Grains.Escalation;

/// <summary>Refuses to start a silo whose escalation delays do not parse: a typo must not silently stop escalations.</summary>
public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
