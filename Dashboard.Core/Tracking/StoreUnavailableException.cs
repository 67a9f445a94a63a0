namespace Dashboard.Core.Tracking;

/// <summary>A store could not be reached or did not answer in time; callers show a banner or a 503, never crash.</summary>
public sealed class StoreUnavailableException(string store, Exception inner)
    : Exception($"{store} is unavailable: {inner.Message}", inner)
{
    public string Store { get; } = store;
}
