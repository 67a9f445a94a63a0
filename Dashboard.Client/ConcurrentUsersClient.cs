using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Dashboard.Client;

/// <summary>
/// Typed client of the dashboard's REST API and realtime stream, over an <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the dashboard's URL. A refused or failed call throws
/// <see cref="ConcurrentUsersApiException"/> with the server's message; a server that cannot be reached throws
/// <see cref="HttpRequestException"/> (or <see cref="TaskCanceledException"/> on the client's timeout).
/// </summary>
public sealed class ConcurrentUsersClient
{
    /// <summary>The most activities one batch call takes.</summary>
    public const int MaxBatchSize = 1000;

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    /// <summary>
    /// A client over <paramref name="http"/>; with <paramref name="apiKey"/>, every call sends it as
    /// <c>Authorization: Bearer KEY</c> (set on the <see cref="HttpClient"/>'s default headers).
    /// </summary>
    public ConcurrentUsersClient(HttpClient http, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is not { IsAbsoluteUri: true } baseAddress)
        {
            throw new ArgumentException("Set the HttpClient's BaseAddress to the dashboard's URL.", nameof(http));
        }

        _http = http;
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        // Without the trailing slash, a base such as http://host/dashboard would lose its last segment.
        _baseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }

    public async Task<TrackResult> TrackActivityAsync(UserActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return (await PostAsync<TrackResult>(ApiRoutes.Track, activity, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Tracks up to <see cref="MaxBatchSize"/> activities; the server accepts or refuses them as a whole.</summary>
    public async Task<TrackResult> TrackBatchAsync(IReadOnlyCollection<UserActivity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return (await PostAsync<TrackResult>(ApiRoutes.TrackBatch, new TrackBatchBody(activities), cancellationToken).ConfigureAwait(false)).Value;
    }

    public async Task<CurrentUsers> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<CurrentUsers>(ApiRoutes.Current, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The latest poll in full, organizations cut to the <paramref name="top"/> (server default 10).</summary>
    public async Task<LiveMetrics> GetMetricsAsync(int? top = null, CancellationToken cancellationToken = default) =>
        (await GetAsync<LiveMetrics>(ApiRoutes.Metrics(top), cancellationToken).ConfigureAwait(false)).Value;

    public async Task<ModuleUsers> GetModuleAsync(string moduleId, CancellationToken cancellationToken = default) =>
        (await GetAsync<ModuleUsers>(ApiRoutes.Module(moduleId), cancellationToken).ConfigureAwait(false)).Value;

    public async Task<OrganizationUsers> GetOrganizationAsync(string organizationId, CancellationToken cancellationToken = default) =>
        (await GetAsync<OrganizationUsers>(ApiRoutes.Organization(organizationId), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The peak in <paramref name="start"/>..<paramref name="end"/>, each <c>now</c>, a relative time such as <c>24h</c>, or an ISO-8601 instant.</summary>
    public async Task<UsersPeak> GetPeakAsync(
        string start, string end = "now", HistoryScope? scope = null, CancellationToken cancellationToken = default) =>
        (await GetAsync<UsersPeak>(ApiRoutes.Peak(start, end, scope), cancellationToken).ConfigureAwait(false)).Value;

    public async Task<UsersAverage> GetAverageAsync(
        string start, string end = "now", HistoryScope? scope = null, CancellationToken cancellationToken = default) =>
        (await GetAsync<UsersAverage>(ApiRoutes.Average(start, end, scope), cancellationToken).ConfigureAwait(false)).Value;

    public async Task<UsersTrend> GetTrendAsync(
        string start = "24h", string end = "now", HistoryScope? scope = null, CancellationToken cancellationToken = default) =>
        (await GetAsync<UsersTrend>(ApiRoutes.Trend(start, end, scope), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// Requests, errors and P50/P95/P99 over the range (in the syntax of <see cref="GetPeakAsync"/>), overall with each
    /// module, or for <paramref name="moduleId"/> alone.
    /// </summary>
    public async Task<PerformanceRange> GetPerformanceAsync(
        string start = "1h", string end = "now", string? moduleId = null, CancellationToken cancellationToken = default) =>
        (await GetAsync<PerformanceRange>(ApiRoutes.Performance(start, end, moduleId), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The server's health, healthy or not: an unhealthy server still answers with its checks.</summary>
    public async Task<HealthReport> GetHealthAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<HealthReport>(ApiRoutes.Health, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<SessionsPage> ListSessionsAsync(
        SessionFilter? filter = null, int offset = 0, int limit = 50, CancellationToken cancellationToken = default) =>
        (await GetAsync<SessionsPage>(ApiRoutes.Sessions(filter, offset, limit), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// A GET of any <see cref="ApiRoutes"/> path: the response's <c>data</c>, typed and raw. A response whose envelope
    /// carries data is returned whatever its status (health answers 503 with its checks); any other is thrown.
    /// </summary>
    public async Task<ApiData<T>> GetAsync<T>(string route, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Resolve(route));
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The realtime stream: one update per server poll, until the server ends the stream or the token is cancelled.
    /// Keep-alive events are skipped.
    /// </summary>
    public async IAsyncEnumerable<RealtimeUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Resolve(ApiRoutes.Realtime));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw ErrorFrom(response, body, TryParse(body));
        }

        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            throw new ConcurrentUsersApiException(
                response.StatusCode, "Not an event stream", $"The server answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"}.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var parser = SseParser.Create(stream, static (eventType, data) =>
                eventType == SseParser.EventTypeDefault ? JsonSerializer.Deserialize<RealtimeUpdate>(data, ApiJson.Responses) : null);
            await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Data is { } update)
                {
                    yield return update;
                }
            }
        }
    }

    private async Task<ApiData<T>> PostAsync<T>(string route, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Resolve(route))
        {
            Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Requests),
        };
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApiData<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var envelope = TryParse(body);
        if (envelope is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("data", out var data) &&
            data.ValueKind != JsonValueKind.Null)
        {
            var value = data.Deserialize<T>(ApiJson.Responses)
                ?? throw new JsonException($"{request.RequestUri} answered data that is not a {typeof(T).Name}.");
            return new ApiData<T>(value, data);
        }

        throw ErrorFrom(response, body, envelope);
    }

    private Uri Resolve(string route) => new(_baseAddress, route);

    private static JsonElement? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The error envelope when there is one; otherwise (a proxy's page, an empty body) the status and what came back.
    private static ConcurrentUsersApiException ErrorFrom(HttpResponseMessage response, string body, JsonElement? envelope)
    {
        if (envelope is { ValueKind: JsonValueKind.Object } root &&
            root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            var details = root.TryGetProperty("details", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null;
            var errors = root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.Deserialize<List<ApiFieldError>>(ApiJson.Responses)
                : null;
            return new ConcurrentUsersApiException(response.StatusCode, error.GetString()!, details, errors) { RetryAfter = RetryAfterOf(response) };
        }

        var snippet = body.Length > 200 ? body[..200] + "…" : body;
        return new ConcurrentUsersApiException(
            response.StatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}",
            string.IsNullOrWhiteSpace(snippet) ? null : snippet.Trim()) { RetryAfter = RetryAfterOf(response) };
    }

    // A Retry-After date is read against the answer's own Date, so the wait needs no clock here and no agreement
    // between this machine's clock and the server's.
    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } sent => date > sent ? date - sent : TimeSpan.Zero,
        _ => null,
    };
}
