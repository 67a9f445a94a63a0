using System.CommandLine;
using System.Net;
using System.Text.Json;
using Dashboard.Client;

namespace Dashboard.Cli;

/// <summary>
/// Runs a command's body with a <see cref="CommandContext"/> and turns what can go wrong into the message a person
/// reads and the exit code a script reads.
/// </summary>
internal sealed class CommandRunner(CliHost host, GlobalOptions options)
{
    public void Handle(Command command, Func<CommandContext, ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction((parse, cancellationToken) => RunAsync(parse, body, cancellationToken));
    }

    private async Task<int> RunAsync(
        ParseResult parse, Func<CommandContext, ParseResult, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var urlText = parse.GetValue(options.Url) ?? GlobalOptions.DefaultUrl;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            host.Error.WriteLine($"Error: --url \"{urlText}\" is not an http or https URL.");
            return ExitCodes.Usage;
        }

        using var context = new CommandContext(
            host, url, parse.GetValue(options.ApiKey), TimeSpan.FromSeconds(parse.GetValue(options.Timeout)), parse.GetValue(options.Json));
        try
        {
            return await body(context, parse, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            host.Error.WriteLine($"Error: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (ConcurrentUsersApiException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            host.Error.WriteLine($"Error: {exception.Message}");
            host.Error.WriteLine(exception.StatusCode == HttpStatusCode.Unauthorized
                ? $"Pass an API key with --api-key or {GlobalOptions.ApiKeyVariable}."
                : "The API key does not have the scope this command needs (track: ingest; reads: read; alerts: admin).");
            return ExitCodes.Unauthorized;
        }
        catch (ConcurrentUsersApiException exception)
        {
            WriteApiError(exception);
            return ExitCodes.Failure;
        }
        catch (HttpRequestException exception)
        {
            host.Error.WriteLine($"Error: cannot reach {url}: {exception.Message}");
            return ExitCodes.Unreachable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (OperationCanceledException)
        {
            // Not our token: HttpClient's timeout.
            host.Error.WriteLine($"Error: {url} did not answer within {context.Timeout.TotalSeconds:F0} s.");
            return ExitCodes.Unreachable;
        }
        catch (JsonException exception)
        {
            host.Error.WriteLine($"Error: the server's answer was not what this tool expects: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    private void WriteApiError(ConcurrentUsersApiException exception)
    {
        if (exception.Errors.Count == 0)
        {
            host.Error.WriteLine($"Error: {exception.Message}");
            return;
        }

        host.Error.WriteLine($"Error: {exception.Error}");
        foreach (var error in exception.Errors)
        {
            host.Error.WriteLine($"  {error.Field}: {error.Message}");
        }
    }
}
