namespace Leefkracht.Wijkaanpak.Tests;

/// <summary>The collection of test classes that advance the shared server's clock: xUnit runs them one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ClockMovingTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "moves the shared clock";
}
