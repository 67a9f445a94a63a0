using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Alerts;

/// <summary>A real HTTP endpoint on loopback that records what the alert webhook posts, answering with given statuses.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly Queue<HttpStatusCode> _answers;

    public WebhookReceiver(params HttpStatusCode[] answers)
    {
        _answers = new Queue<HttpStatusCode>(answers);
        Url = $"http://127.0.0.1:{FreePort.Next()}/hooks/alerts/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public int Attempts { get; private set; }

    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Attempts++;
            var status = _answers.Count > 0 ? _answers.Dequeue() : HttpStatusCode.OK;
            if (status == HttpStatusCode.OK)
            {
                _received.Writer.TryWrite(await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream));
            }

            context.Response.StatusCode = (int)status;
            context.Response.Close();
        }
    }
}
