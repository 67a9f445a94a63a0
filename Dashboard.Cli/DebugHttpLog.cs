namespace Dashboard.Cli;

/// <summary>
/// Logs each HTTP call (method, URL, status, time) to standard error when <c>DEBUG</c> asks for it, in the
/// convention of the <c>debug</c> package: <c>DEBUG=*</c>, or a list naming <c>aibos</c> or <c>http</c>.
/// </summary>
internal sealed class DebugHttpLog(TextWriter error, TimeProvider time) : DelegatingHandler
{
    private readonly Lock _writing = new();

    public static bool IsEnabled(string? debug) =>
        debug?.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Any(name =>
            name == "*" ||
            name.Contains("aibos", StringComparison.OrdinalIgnoreCase) ||
            name.Contains("http", StringComparison.OrdinalIgnoreCase)) == true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Write(request, $"{(int)response.StatusCode} {response.ReasonPhrase}", started);
            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Write(request, $"failed: {exception.Message}", started);
            throw;
        }
    }

    private void Write(HttpRequestMessage request, string outcome, long started)
    {
        var milliseconds = time.GetElapsedTime(started).TotalMilliseconds;
        lock (_writing)
        {
            error.WriteLine(FormattableString.Invariant($"[http] {request.Method} {request.RequestUri} -> {outcome} ({milliseconds:F0} ms)"));
        }
    }
}
