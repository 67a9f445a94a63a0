namespace Dashboard.Cli;

/// <summary>
/// What the tool runs against: its output streams, environment, clock and HTTP transport. The console by default;
/// tests pass writers they read and the in-memory app's handler.
/// </summary>
internal sealed class CliHost
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Whether standard output is a terminal: live redraws and progress bars only then, plain lines otherwise.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>The HTTP transport; null for a real socket handler. The tool never disposes one it was given.</summary>
    public HttpMessageHandler? Transport { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static CliHost FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        IsTerminal = !Console.IsOutputRedirected,
    };
}
