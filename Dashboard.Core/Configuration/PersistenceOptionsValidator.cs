using Dashboard.Core.Tracking;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Configuration;

/// <summary>Refuses, at start, persistence settings that could not work; lists every problem.</summary>
public sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    // One batch is one INSERT with ten parameters a row; both databases take 10 000 parameters comfortably.
    public const int MaxBatchSize = 1000;

    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        var errors = new List<string>();
        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            errors.Add($"{PersistenceOptions.SectionName}:BatchSize must be between 1 and {MaxBatchSize}; it is {options.BatchSize}.");
        }

        if (options.QueueCapacity < options.BatchSize)
        {
            errors.Add($"{PersistenceOptions.SectionName}:QueueCapacity ({options.QueueCapacity}) must be at least BatchSize ({options.BatchSize}).");
        }

        RequirePositive(errors, nameof(options.FlushInterval), options.FlushInterval);
        RequirePositive(errors, nameof(options.RefreshInterval), options.RefreshInterval);
        RequirePositive(errors, nameof(options.MaxRetryDelay), options.MaxRetryDelay);
        RequirePositive(errors, nameof(options.ExpireInterval), options.ExpireInterval);
        if (options.HistoryBackfill < TimeSpan.FromMinutes(1) || options.HistoryBackfill > LiveSample.Retention)
        {
            errors.Add($"{PersistenceOptions.SectionName}:HistoryBackfill must be between 00:01:00 and the {LiveSample.Retention} of samples the live store keeps; it is {options.HistoryBackfill}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequirePositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{PersistenceOptions.SectionName}:{name} must be a positive duration such as 00:00:05; it is {value}.");
        }
    }
}
