namespace Dashboard.Tests.Cli;

/// <summary>Passes requests on and records their paths and queries, so a test can prove where calls went, or that none was made.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<string> _paths = [];
    private readonly List<string> _queries = [];

    /// <summary>Each request's path and query, e.g. <c>/api/concurrent-users/peak?start=24h&amp;end=now</c>.</summary>
    public IReadOnlyList<string> PathsAndQueries
    {
        get
        {
            lock (_paths)
            {
                return [.. _queries];
            }
        }
    }

    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (_paths)
            {
                return [.. _paths];
            }
        }
    }

    public void Clear()
    {
        lock (_paths)
        {
            _paths.Clear();
            _queries.Clear();
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_paths)
        {
            _paths.Add(request.RequestUri!.AbsolutePath);
            _queries.Add(request.RequestUri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
