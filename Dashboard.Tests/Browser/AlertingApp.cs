using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Browser;

/// <summary>The real app, polling every second, where two users are an alert (more than one) that fires at the first poll.</summary>
internal static class AlertingApp
{
    public static Task<RunningApp> StartAsync() => RunningApp.StartAsync(new Dictionary<string, string>
    {
        ["Dashboard:Tracking:PollInterval"] = "00:00:01",
        ["Dashboard:Alerts:HighConcurrency"] = "1",
        ["Dashboard:Alerts:ForPolls"] = "1",
        // This machine's own CPU and memory must not raise alerts of their own here.
        ["Dashboard:Alerts:HighCpuPercent"] = "100",
        ["Dashboard:Alerts:HighMemoryPercent"] = "100",
        // Short, so that a test sees an open page lose its access when its person is disabled.
        ["Dashboard:Auth:CircuitRevalidation"] = "00:00:02",
    });
}
