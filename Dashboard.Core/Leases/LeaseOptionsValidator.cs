using Microsoft.Extensions.Options;

namespace Dashboard.Core.Leases;

/// <summary>Refuses, at start, lease durations too short to renew in time or too long to hand jobs over.</summary>
public sealed class LeaseOptionsValidator : IValidateOptions<LeaseOptions>
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, LeaseOptions options) =>
        options.Duration >= MinDuration && options.Duration <= MaxDuration
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{LeaseOptions.SectionName}:Duration must be between {MinDuration} and {MaxDuration}.");
}
