using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Client;
using Spectre.Console;

namespace Dashboard.Cli;

/// <summary>One command's run: the parsed global options, the client (made on first use) and where output goes.</summary>
internal sealed class CommandContext(CliHost host, Uri url, string? apiKey, TimeSpan timeout, bool json) : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new(ApiJson.Responses)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const int NonTerminalWidth = 240;

    private HttpClient? _http;
    private ConcurrentUsersClient? _client;
    private IAnsiConsole? _console;

    public Uri Url => url;

    public TimeSpan Timeout => timeout;

    /// <summary>Whether <c>--json</c> was given: print the API's data instead of text.</summary>
    public bool Json => json;

    public TextWriter Out => host.Out;

    public TextWriter Error => host.Error;

    public TimeProvider Time => host.Time;

    public ConcurrentUsersClient Client => _client ??= new ConcurrentUsersClient(Http(), apiKey);

    /// <summary>Spectre's console over <see cref="Out"/>: colours and live redraws on a terminal, plain text otherwise.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole();

    /// <summary>Live redraws (monitor, load progress) only on a terminal and never under <c>--json</c>.</summary>
    public bool IsLive => host.IsTerminal && !json;

    /// <summary>The API's data as JSON under <c>--json</c>, else as <paramref name="render"/> writes it.</summary>
    public int Show<T>(ApiData<T> data, Action<T> render)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(render);
        if (json)
        {
            WriteJson(data.Json);
        }
        else
        {
            render(data.Value);
        }

        return ExitCodes.Ok;
    }

    public void WriteJson(JsonElement data) => Out.WriteLine(JsonSerializer.Serialize(data, Indented));

    /// <summary>One value as one line of snake_case JSON, for streams of records (monitor) and reports (load).</summary>
    public void WriteJsonLine<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Compact));

    public void Dispose() => _http?.Dispose();

    private IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(host.Out),
            Ansi = host.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = host.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = host.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!host.IsTerminal)
        {
            // A file or a pipe has no width: tables take the room their cells need instead of wrapping at 80 columns.
            console.Profile.Width = NonTerminalWidth;
        }

        return console;
    }

    private HttpClient Http()
    {
        var transport = host.Transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        HttpMessageHandler handler = DebugHttpLog.IsEnabled(host.GetEnvironmentVariable("DEBUG"))
            ? new DebugHttpLog(host.Error, host.Time) { InnerHandler = transport }
            : transport;
        _http = new HttpClient(handler, disposeHandler: host.Transport is null)
        {
            BaseAddress = url,
            Timeout = timeout,
        };
        return _http;
    }
}
