using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary>One real app process shared by the tests that run the tool as a process.</summary>
public sealed class RunningAppFixture : IAsyncLifetime
{
    private RunningApp? _app;

    internal Uri Address => _app?.Address ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync(new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
