using Microsoft.Extensions.Options;

namespace Dashboard.Web.Realtime;

/// <summary>Refuses, at start, stream limits that could not work; lists every problem.</summary>
public sealed class RealtimeOptionsValidator : IValidateOptions<RealtimeOptions>
{
    public ValidateOptionsResult Validate(string? name, RealtimeOptions options)
    {
        var errors = new List<string>();
        if (options.MaxConnections < 1)
        {
            errors.Add($"{RealtimeOptions.SectionName}:MaxConnections must be at least 1; it is {options.MaxConnections}.");
        }

        if (options.MaxConnectionsPerClient < 1 || options.MaxConnectionsPerClient > options.MaxConnections)
        {
            errors.Add($"{RealtimeOptions.SectionName}:MaxConnectionsPerClient must be between 1 and MaxConnections ({options.MaxConnections}); it is {options.MaxConnectionsPerClient}.");
        }

        if (options.RetryAfter < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{RealtimeOptions.SectionName}:RetryAfter must be at least 00:00:01; it is {options.RetryAfter}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
