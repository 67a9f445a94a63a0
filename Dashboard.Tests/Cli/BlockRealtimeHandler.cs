using System.Net;

namespace Dashboard.Tests.Cli;

/// <summary>
/// The real app behind something that refuses event streams (as some proxies do): the realtime path answers 404,
/// every other request reaches the app.
/// </summary>
internal sealed class BlockRealtimeHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri!.AbsolutePath.EndsWith("/realtime", StringComparison.Ordinal)
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request })
            : base.SendAsync(request, cancellationToken);
}
