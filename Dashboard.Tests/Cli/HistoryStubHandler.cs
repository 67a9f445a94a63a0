using System.Net;
using System.Text;

namespace Dashboard.Tests.Cli;

/// <summary>
/// Stands in for the history endpoints (peak, average, trend) only, which the app does not serve yet: answers them
/// with the agreed shapes and records the queries; every other request reaches the real app.
/// </summary>
internal sealed class HistoryStubHandler(HttpMessageHandler app) : DelegatingHandler(app)
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _answers = new(StringComparer.Ordinal);

    public List<string> Queries { get; } = [];

    /// <summary>Answers <c>GET {name}</c> (peak, average or trend) with this envelope.</summary>
    public HistoryStubHandler Answer(string name, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers[name] = (status, body);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var name = request.RequestUri!.AbsolutePath.Split('/')[^1];
        if (name is not ("peak" or "average" or "trend"))
        {
            return base.SendAsync(request, cancellationToken);
        }

        lock (Queries)
        {
            Queries.Add($"{name}{request.RequestUri.Query}");
        }

        var (status, body) = _answers.TryGetValue(name, out var answer) ? answer : (HttpStatusCode.NotFound, "");
        return Task.FromResult(new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
    }
}
