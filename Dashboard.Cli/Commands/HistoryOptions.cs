using System.CommandLine;
using Dashboard.Client;

namespace Dashboard.Cli.Commands;

/// <summary>The time range and scope of a history read (peak, average, trend, performance), checked before any call.</summary>
internal sealed class HistoryOptions
{
    /// <param name="organizations">Whether the figures exist per organization too (performance is kept per module only).</param>
    public HistoryOptions(string defaultStart, bool organizations = true)
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
        Organization = organizations ? new Option<string?>("--organization") { Description = "Only this organization" } : null;
    }

    public Option<string> Start { get; }

    public Option<string> End { get; }

    public Option<string?> Module { get; }

    public Option<string?>? Organization { get; }

    public void AddTo(Command command)
    {
        command.Add(Start);
        command.Add(End);
        command.Add(Module);
        if (Organization is not null)
        {
            command.Add(Organization);
        }
    }

    /// <summary>The range and scope given, or a <see cref="UsageException"/> when the range is not one.</summary>
    public (string Start, string End, HistoryScope? Scope) Read(ParseResult parse, TimeProvider time)
    {
        var start = parse.GetRequiredValue(Start);
        var end = parse.GetRequiredValue(End);
        if (!Dashboard.Ranges.TimeRange.TryParse(start, end, time.GetUtcNow(), out _, out var problem))
        {
            throw new UsageException(problem);
        }

        var module = parse.GetValue(Module);
        var organization = Organization is null ? null : parse.GetValue(Organization);
        return (start, end, module is null && organization is null ? null : new HistoryScope(module, organization));
    }
}
