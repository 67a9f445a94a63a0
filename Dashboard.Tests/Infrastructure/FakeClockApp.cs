using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The app as the tests of recorded history run it: on a fake clock, with a poll interval (an hour) longer than any
/// test, so that only the poll at start and the polls the test makes count, each at a time the test knows.
/// </summary>
public static class FakeClockApp
{
    /// <summary>Where the clock starts: five seconds into a minute, so that polls 10 s apart share the minute 12:00.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 5, TimeSpan.Zero);

    /// <summary>The app on <paramref name="time"/> (and <paramref name="settings"/>), once its poll at start is done.</summary>
    public static async Task<DashboardApp> StartAsync(FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new DashboardApp(
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Dashboard:Tracking:PollInterval"] = "01:00:00" },
            time);
        try
        {
            await app.WaitForStartupPollAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
