namespace Dashboard.Core.Tracking;

/// <summary>
/// A store could not be reached or did not answer in time; callers show a banner or a 503, never crash.
/// The message is short and safe to show anyone; the cause (endpoints, client versions, thread-pool figures in a
/// Redis error) stays in <see cref="Exception.InnerException"/>, for the log.
/// </summary>
public sealed class StoreUnavailableException(string store, Exception inner)
    : Exception($"{store} is unavailable", inner)
{
    public const string LiveStore = "Live store";
    public const string HistoryDatabase = "History database";

    /// <summary><see cref="LiveStore"/> or <see cref="HistoryDatabase"/>.</summary>
    public string Store { get; } = store;
}
