using System.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Waits for a condition that background work will make true, instead of sleeping a guessed time.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <param name="between">Run between two checks, e.g. to move a fake clock on.</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, Action? between = null)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < Timeout)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                // The store may be coming back; the condition is asked again.
                last = exception;
            }

            between?.Invoke();
            await Task.Delay(20);
        }

        throw new TimeoutException($"Waited {Timeout.TotalSeconds} s for: {what}.", last);
    }

    public static Task HoldsAsync(Func<bool> condition, string what, Action? between = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, between);
}
