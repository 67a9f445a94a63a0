using System.Collections.Concurrent;
using Dashboard.Web.Components.Storage;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A browser's local storage kept in memory, so component tests can set what the browser remembers and read what was saved.</summary>
public sealed class FakeLocalStorage : ILocalStorage
{
    public ConcurrentDictionary<string, string> Values { get; } = new();

    public Task<string?> GetAsync(string key) => Task.FromResult(Values.GetValueOrDefault(key));

    public Task SetAsync(string key, string value)
    {
        Values[key] = value;
        return Task.CompletedTask;
    }
}
