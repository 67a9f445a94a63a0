using System.CommandLine;
using Dashboard.Cli.Load;
using Dashboard.Cli.Rendering;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>load</c>: simulates many users' sessions through the batch endpoint, with progress on a terminal, and ends with
/// events sent and accepted, events/s, request latency p50/p95/p99 and errors.
/// </summary>
internal static class LoadCommand
{
    public static Command Create(CommandRunner runner)
    {
        var defaults = new LoadPlan();
        var users = new Option<int>("--users", "-u") { Description = "Simulated users, one session each", DefaultValueFactory = _ => defaults.Users };
        var duration = Duration("--duration", $"How long to run (default {Seconds(defaults.Duration)})");
        var rampUp = Duration("--ramp-up", $"Users arrive evenly over this time (default {Seconds(defaults.RampUp)}, or half a shorter duration)");
        var heartbeat = Duration("--heartbeat", $"Each session's heartbeat interval, ±10% (default {Seconds(defaults.Heartbeat)})");
        var batchSize = new Option<int>("--batch-size") { Description = "Activities per batch request (at most 1000)", DefaultValueFactory = _ => defaults.BatchSize };
        var modules = new Option<int>("--modules") { Description = "How many modules users spread over", DefaultValueFactory = _ => defaults.Modules };
        var organizations = new Option<int>("--organizations") { Description = "How many organizations users belong to", DefaultValueFactory = _ => defaults.Organizations };
        var skew = new Option<double>("--skew") { Description = "Zipf exponent of module and organization popularity (0 = uniform)", DefaultValueFactory = _ => defaults.Skew };
        var moduleSwitch = new Option<double>("--module-switch") { Description = "Chance per heartbeat that a user moves to another module", DefaultValueFactory = _ => defaults.ModuleSwitch };
        var concurrency = new Option<int>("--concurrency") { Description = "Batch requests in flight at once", DefaultValueFactory = _ => defaults.Concurrency };
        var endSessions = new Option<bool>("--end-sessions") { Description = "End every session when the run is over instead of letting them expire" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the random choices, to repeat a run" };
        var runId = new Option<string?>("--run-id") { Description = "Part of every simulated user and session id (default: random)" };
        var command = new Command("load", "Simulate concurrent users through the batch endpoint and measure the server")
        {
            users, duration, rampUp, heartbeat, batchSize, modules, organizations, skew, moduleSwitch, concurrency, endSessions, seed, runId,
        };
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var runFor = parse.GetValue(duration) ?? defaults.Duration;
            var plan = new LoadPlan
            {
                Users = parse.GetValue(users),
                Duration = runFor,
                RampUp = parse.GetValue(rampUp) ?? (defaults.RampUp < runFor / 2 ? defaults.RampUp : runFor / 2),
                Heartbeat = parse.GetValue(heartbeat) ?? defaults.Heartbeat,
                BatchSize = parse.GetValue(batchSize),
                Modules = parse.GetValue(modules),
                Organizations = parse.GetValue(organizations),
                Skew = parse.GetValue(skew),
                ModuleSwitch = parse.GetValue(moduleSwitch),
                Concurrency = parse.GetValue(concurrency),
                EndSessions = parse.GetValue(endSessions),
                Seed = parse.GetValue(seed) ?? defaults.Seed,
                RunId = parse.GetValue(runId) ?? defaults.RunId,
            };
            if (plan.Validate() is { Count: > 0 } problems)
            {
                throw new UsageException(string.Join(" ", problems));
            }

            var report = await RunAsync(context, plan, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJsonLine(report);
            }
            else
            {
                WriteReport(context, plan, report);
            }

            if (report.RefusedRequests > 0)
            {
                context.Error.WriteLine(
                    $"Error: the server refused {TextFormat.Count(report.RefusedRequests)} requests' API key: pass a key with the ingest scope with --api-key or {GlobalOptions.ApiKeyVariable}.");
            }

            return ExitCode(report);
        });
        return command;
    }

    /// <summary>
    /// 0 when every request succeeded, 3 when the server refused the key (401 or 403: no run is worth anything then),
    /// 2 when the server could never be reached, 1 when some failed.
    /// </summary>
    public static int ExitCode(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.FailedRequests == 0)
        {
            return ExitCodes.Ok;
        }

        if (report.RefusedRequests > 0)
        {
            return ExitCodes.Unauthorized;
        }

        return report.UnreachableRequests == report.Requests ? ExitCodes.Unreachable : ExitCodes.Failure;
    }

    private static async Task<LoadReport> RunAsync(CommandContext context, LoadPlan plan, CancellationToken cancellationToken)
    {
        var runner = new LoadRunner(context.Client, context.Time);
        if (!context.IsLive)
        {
            if (!context.Json)
            {
                context.Out.WriteLine(Describe(plan, context));
            }

            return await runner.RunAsync(plan, null, cancellationToken).ConfigureAwait(false);
        }

        context.Console.MarkupLine(Markup.Escape(Describe(plan, context)));
        return await context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Starting", maxValue: plan.Duration.TotalSeconds);
                return await runner.RunAsync(plan, step =>
                {
                    task.Value = Math.Min(step.Elapsed.TotalSeconds, plan.Duration.TotalSeconds);
                    task.Description = Markup.Escape(
                        $"{TextFormat.Count(step.UsersStarted)} users · {TextFormat.Count(step.EventsAccepted)}/{TextFormat.Count(step.EventsSent)} events accepted · {TextFormat.Count(step.FailedRequests)} failed");
                }, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private static string Describe(LoadPlan plan, CommandContext context) =>
        $"Load run {plan.RunId} against {context.Url}: {TextFormat.Count(plan.Users)} users for {Seconds(plan.Duration)} " +
        $"(ramp-up {Seconds(plan.RampUp)}, heartbeat every {Seconds(plan.Heartbeat)}, batches of up to {plan.BatchSize}, " +
        $"{plan.Modules} modules, {plan.Organizations} organizations, skew {TextFormat.Number(plan.Skew, 2)}, seed {plan.Seed})";

    private static void WriteReport(CommandContext context, LoadPlan plan, LoadReport report)
    {
        if (report.Interrupted)
        {
            context.Out.WriteLine("Stopped early.");
        }

        context.Out.WriteLine($"Users started:    {TextFormat.Count(report.UsersStarted)} of {TextFormat.Count(plan.Users)}");
        context.Out.WriteLine($"Events sent:      {TextFormat.Count(report.EventsSent)}");
        context.Out.WriteLine($"Events accepted:  {TextFormat.Count(report.EventsAccepted)}");
        context.Out.WriteLine($"Requests:         {TextFormat.Count(report.Requests)} ({TextFormat.Count(report.FailedRequests)} failed)");
        if (report.RateLimitedAnswers > 0)
        {
            context.Out.WriteLine($"Rate limited:     {TextFormat.Count(report.RateLimitedAnswers)} answers 429, each sent again after its Retry-After");
        }

        context.Out.WriteLine($"Throughput:       {TextFormat.Number(report.EventsPerSecond)} events/s over {Seconds(report.Elapsed)}");
        context.Out.WriteLine(
            $"Latency:          p50 {TextFormat.Milliseconds(report.LatencyMs.P50)}, p95 {TextFormat.Milliseconds(report.LatencyMs.P95)}, " +
            $"p99 {TextFormat.Milliseconds(report.LatencyMs.P99)}, max {TextFormat.Milliseconds(report.LatencyMs.Max)}");
        if (report.Errors.Count == 0)
        {
            context.Out.WriteLine("Errors:           none");
            return;
        }

        context.Out.WriteLine("Errors:");
        foreach (var (error, count) in report.Errors.OrderByDescending(pair => pair.Value))
        {
            context.Out.WriteLine($"  {TextFormat.Count(count)} × {error}");
        }
    }

    private static string Seconds(TimeSpan duration) => TextFormat.Number(duration.TotalSeconds, duration.TotalSeconds < 10 ? 1 : 0) + " s";

    private static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = $"{description}; e.g. 500ms, 30s, 2m, 1h",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DurationSyntax.TryParse(text, out var duration))
            {
                return duration;
            }

            result.AddError($"{name} \"{text}\" is not a duration: {DurationSyntax.Help}.");
            return null;
        },
    };
}
