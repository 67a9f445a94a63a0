using Dashboard.Core.Tracking;
using Microsoft.Extensions.Options;

namespace Dashboard.Data.Configuration;

/// <summary>Refuses, at start, retention settings that would leave holes in history; lists every problem.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public const int MaxBatchSize = 100_000;

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new List<string>();
        if (options.MinuteRows <= LiveSample.Retention)
        {
            errors.Add($"{RetentionOptions.SectionName}:MinuteRows must be longer than the hour of live samples; it is {options.MinuteRows}.");
        }

        if (options.HourlyRows < options.MinuteRows)
        {
            errors.Add($"{RetentionOptions.SectionName}:HourlyRows ({options.HourlyRows}) must be at least MinuteRows ({options.MinuteRows}), or older ranges would have no history.");
        }

        RequirePositive(errors, nameof(options.EndedSessions), options.EndedSessions);
        RequirePositive(errors, nameof(options.ResolvedAlerts), options.ResolvedAlerts);
        RequirePositive(errors, nameof(options.AuditRows), options.AuditRows);
        RequirePositive(errors, nameof(options.Interval), options.Interval);
        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            errors.Add($"{RetentionOptions.SectionName}:BatchSize must be between 1 and {MaxBatchSize}; it is {options.BatchSize}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequirePositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{RetentionOptions.SectionName}:{name} must be a positive duration such as 365.00:00:00; it is {value}.");
        }
    }
}
