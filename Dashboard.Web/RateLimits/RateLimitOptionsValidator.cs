using Dashboard.Core.Tracking;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.RateLimits;

/// <summary>Refuses, at start, a bucket that could never let anything through; lists every problem.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        foreach (var (limit, bucket) in options.All)
        {
            var path = $"{RateLimitOptions.SectionName}:{limit}";
            if (bucket.Tokens < 1)
            {
                errors.Add($"{path}:Tokens must be at least 1.");
            }

            if (bucket.Period < TimeSpan.FromMilliseconds(100) || bucket.Period > TimeSpan.FromHours(1))
            {
                errors.Add($"{path}:Period must be between 00:00:00.1 and 01:00:00.");
            }

            if (bucket.Burst < bucket.Tokens)
            {
                errors.Add($"{path}:Burst must be at least its Tokens ({bucket.Tokens}).");
            }
        }

        // A batch takes a token per activity at once: a bucket smaller than the largest batch would refuse it forever.
        if (options.Ingest.Burst < ActivityTracker.MaxBatchSize)
        {
            errors.Add($"{RateLimitOptions.SectionName}:Ingest:Burst must be at least {ActivityTracker.MaxBatchSize}, the largest batch.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
