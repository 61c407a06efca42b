using Xunit;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// Tests that measure this process's own memory: they run when no other test of the assembly does, or the others'
/// allocations would be counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneGroup
{
    public const string Name = "Alone";
}
