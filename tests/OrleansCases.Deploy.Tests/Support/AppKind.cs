namespace OrleansCases.Deploy.Tests.Support;

/// <summary>Which of the two hosts a container runs.</summary>
public enum AppKind
{
    Silo,
    Web,
}
