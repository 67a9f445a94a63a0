using System.CommandLine;

namespace Dashboard.Cli;

/// <summary>The options every command takes: where the server is, the key to send, how long to wait, and JSON output for scripts.</summary>
internal sealed class GlobalOptions
{
    public const string UrlVariable = "DASHBOARD_URL";
    public const string DefaultUrl = "http://localhost:5000";
    public const string ApiKeyVariable = "DASHBOARD_API_KEY";

    public GlobalOptions(CliHost host)
    {
        Url = new Option<string>("--url")
        {
            Description = $"The dashboard's URL (environment {UrlVariable}, default {DefaultUrl})",
            DefaultValueFactory = _ => host.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : DefaultUrl,
            Recursive = true,
        };
        ApiKey = new Option<string?>("--api-key")
        {
            Description = $"The API key to send (environment {ApiKeyVariable}); the server's keys carry scopes: ingest, read, admin",
            DefaultValueFactory = _ => host.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null,
            Recursive = true,
        };
        Json = new Option<bool>("--json")
        {
            Description = "Print the API's data as JSON, for scripts",
            Recursive = true,
        };
        Timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for each answer",
            DefaultValueFactory = _ => 30,
            Recursive = true,
        };
        Timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3600)
            {
                result.AddError("--timeout must be between 1 and 3600 seconds.");
            }
        });
    }

    public Option<string> Url { get; }

    public Option<string?> ApiKey { get; }

    public Option<bool> Json { get; }

    public Option<int> Timeout { get; }
}
