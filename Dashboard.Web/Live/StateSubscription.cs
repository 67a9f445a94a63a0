namespace Dashboard.Web.Live;

/// <summary>
/// One component's subscription to its viewer's <see cref="DashboardState"/>: named so that a failed refresh says
/// whose it was, and cancelled and removed when disposed, so a closed page never refreshes again.
/// </summary>
public sealed partial class StateSubscription : IDisposable
{
    private readonly Func<CancellationToken, Task> _callback;
    private readonly Action<StateSubscription> _unsubscribe;
    private readonly CancellationTokenSource _cancellation = new();
    private int _disposed;

    internal StateSubscription(string name, Func<CancellationToken, Task> callback, Action<StateSubscription> unsubscribe)
    {
        Name = name;
        _callback = callback;
        _unsubscribe = unsubscribe;
    }

    public string Name { get; }

    /// <summary>Runs the callback; its failure is logged here, so it never reaches (or stops) another subscriber.</summary>
    internal async Task RunAsync(ILogger logger)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        try
        {
            await _callback(_cancellation.Token);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // Disposed while it ran: nobody is left to show the result to.
        }
        catch (Exception exception)
        {
            LogCallbackFailed(logger, Name, exception);
        }
    }

    // The source is cancelled but not disposed: a callback still running may read its token, and a source without a
    // timer holds nothing to free.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe(this);
            _cancellation.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Live refresh of {Subscriber} failed")]
    private static partial void LogCallbackFailed(ILogger logger, string subscriber, Exception exception);
}
