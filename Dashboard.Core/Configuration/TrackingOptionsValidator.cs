using Microsoft.Extensions.Options;

namespace Dashboard.Core.Configuration;

/// <summary>Refuses, at start, tracking settings that would make the counts meaningless; lists every problem.</summary>
public sealed class TrackingOptionsValidator : IValidateOptions<TrackingOptions>
{
    public const int MaxShards = 1024;
    public const int MaxTopOrganizations = 1000;
    public const int MaxMaxModules = 10_000;

    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        var errors = new List<string>();
        RequirePositive(errors, nameof(options.ActivityWindow), options.ActivityWindow);
        RequirePositive(errors, nameof(options.SessionTtl), options.SessionTtl);
        RequirePositive(errors, nameof(options.CleanupInterval), options.CleanupInterval);
        RequirePositive(errors, nameof(options.PollInterval), options.PollInterval);

        if (options.SessionTtl < options.ActivityWindow)
        {
            errors.Add($"{TrackingOptions.SectionName}:SessionTtl ({options.SessionTtl}) must be at least ActivityWindow ({options.ActivityWindow}), or active sessions would be forgotten.");
        }

        if (options.Shards is < 1 or > MaxShards)
        {
            errors.Add($"{TrackingOptions.SectionName}:Shards must be between 1 and {MaxShards}; it is {options.Shards}.");
        }

        if (options.TopOrganizations is < 1 or > MaxTopOrganizations)
        {
            errors.Add($"{TrackingOptions.SectionName}:TopOrganizations must be between 1 and {MaxTopOrganizations}; it is {options.TopOrganizations}.");
        }

        if (options.MaxModules is < 1 or > MaxMaxModules)
        {
            errors.Add($"{TrackingOptions.SectionName}:MaxModules must be between 1 and {MaxMaxModules}; it is {options.MaxModules}.");
        }

        if (options.Modules.Count > options.MaxModules)
        {
            errors.Add($"{TrackingOptions.SectionName}:Modules lists {options.Modules.Count} modules, more than MaxModules ({options.MaxModules}).");
        }

        foreach (var module in options.Modules)
        {
            if (Tracking.ActivityValidator.ValidateId("moduleId", module) is { } invalid)
            {
                errors.Add($"{TrackingOptions.SectionName}:Modules: \"{module}\" is not a module id: {invalid.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.IndexOfAny(['{', '}', ' ']) >= 0)
        {
            errors.Add($"{TrackingOptions.SectionName}:KeyPrefix must be non-empty without braces or spaces.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequirePositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{TrackingOptions.SectionName}:{name} must be a positive duration such as 00:01:00; it is {value}.");
        }
    }
}
