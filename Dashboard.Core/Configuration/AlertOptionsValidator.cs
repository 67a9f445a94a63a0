using Microsoft.Extensions.Options;

namespace Dashboard.Core.Configuration;

/// <summary>Refuses, at start, thresholds that could never or would always fire; lists every problem.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = new List<string>();
        Require(errors, options.HighConcurrency > 0, "HighConcurrency must be more than 0.");
        Require(errors, options.HighErrorRate is > 0 and <= 1, "HighErrorRate is a share of requests: more than 0, at most 1 (0.05 = 5%).");
        Require(errors, options.HighResponseTimeMs > 0, "HighResponseTimeMs must be more than 0.");
        Require(errors, options.HighCpuPercent is > 0 and <= 100, "HighCpuPercent must be more than 0 and at most 100.");
        Require(errors, options.HighMemoryPercent is > 0 and <= 100, "HighMemoryPercent must be more than 0 and at most 100.");
        Require(errors, options.HighDbConnectionsPercent is > 0 and <= 100, "HighDbConnectionsPercent must be more than 0 and at most 100.");
        Require(errors, options.ForPolls is >= 1 and <= 100, "ForPolls must be between 1 and 100.");
        Require(errors, options.MaxRules is >= 1 and <= 10_000, "MaxRules must be between 1 and 10000.");
        Require(
            errors,
            string.IsNullOrEmpty(options.WebhookUrl) || Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
            "WebhookUrl must be an absolute http or https URL, or empty.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            errors.Add($"{AlertOptions.SectionName}:{message}");
        }
    }
}
