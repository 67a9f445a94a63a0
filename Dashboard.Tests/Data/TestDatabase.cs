namespace Dashboard.Tests.Data;

/// <summary>A fresh, empty history database for one test, and the settings that point the app at it.</summary>
internal abstract class TestDatabase : IAsyncDisposable
{
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract ValueTask DisposeAsync();
}
