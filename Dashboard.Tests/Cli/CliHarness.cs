using Dashboard.Cli;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary>
/// Runs the tool in-process, as its entry point would, with captured output, a given environment and the real app's
/// in-memory transport (or real sockets when there is none).
/// </summary>
internal sealed class CliHarness(HttpMessageHandler? transport, string url)
{
    public Dictionary<string, string?> Environment { get; } = new() { ["DASHBOARD_URL"] = url, ["DASHBOARD_API_KEY"] = TestApiKeys.Default };

    public static CliHarness For(DashboardApp app) => new(app.Server.CreateHandler(), "http://localhost");

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, new StringWriter(), CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        using var error = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            IsTerminal = false,
            Transport = transport,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        };
        var exitCode = await CliApp.RunAsync(args, host, cancellationToken);
        return new CliResult(exitCode, output.ToString() ?? "", error.ToString());
    }
}
