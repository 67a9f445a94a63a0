using System.CommandLine;
using Dashboard.Client;

namespace Dashboard.Cli.Commands;

/// <summary>The time range and scope of a history read (peak, average, trend), checked before any call.</summary>
internal sealed class HistoryOptions
{
    public HistoryOptions(string defaultStart)
    {
        Start = new Option<string>("--start")
        {
            Description = $"Start of the range: 90m, 24h, 7d, now or an ISO-8601 instant (default {defaultStart})",
            DefaultValueFactory = _ => defaultStart,
        };
        End = new Option<string>("--end")
        {
            Description = "End of the range, in the same syntax (default now)",
            DefaultValueFactory = _ => "now",
        };
        Module = new Option<string?>("--module") { Description = "Only this module" };
        Organization = new Option<string?>("--organization") { Description = "Only this organization" };
    }

    public Option<string> Start { get; }

    public Option<string> End { get; }

    public Option<string?> Module { get; }

    public Option<string?> Organization { get; }

    public void AddTo(Command command)
    {
        command.Add(Start);
        command.Add(End);
        command.Add(Module);
        command.Add(Organization);
    }

    /// <summary>The range and scope given, or a <see cref="UsageException"/> when the range is not one.</summary>
    public (string Start, string End, HistoryScope? Scope) Read(ParseResult parse, TimeProvider time)
    {
        var start = parse.GetRequiredValue(Start);
        var end = parse.GetRequiredValue(End);
        if (!Dashboard.Core.History.TimeRange.TryParse(start, end, time.GetUtcNow(), out _, out var problem))
        {
            throw new UsageException(problem);
        }

        var module = parse.GetValue(Module);
        var organization = parse.GetValue(Organization);
        return (start, end, module is null && organization is null ? null : new HistoryScope(module, organization));
    }
}
