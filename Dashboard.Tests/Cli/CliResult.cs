using System.Text.Json;

namespace Dashboard.Tests.Cli;

/// <summary>What one run of the tool left: its exit code and everything it wrote to standard output and error.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public JsonElement Json() => JsonDocument.Parse(Out).RootElement;

    public void AssertSucceeded() => Assert.True(ExitCode == 0, ToString());

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
