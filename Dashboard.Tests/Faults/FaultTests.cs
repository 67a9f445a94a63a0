namespace Dashboard.Tests.Faults;

/// <summary>
/// The fault tests run one after another: each times its app's answers under load, and two of them side by side on
/// shared cores would measure each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultTests
{
    public const string Name = "Faults";
}
