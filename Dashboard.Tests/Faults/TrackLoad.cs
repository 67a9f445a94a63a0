using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Faults;

/// <summary>
/// Load for the fault tests: <c>users</c> users, each heartbeating its one session every <c>interval</c> against a
/// running app, spread over 5 organizations and 3 modules. Every answer is kept with when it was sent and how long it
/// took; a request the client gave up on (10 s) is kept with status 0.
/// </summary>
internal sealed class TrackLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _users = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private TrackLoad(HttpClient client, int firstUser, int users, TimeSpan interval)
    {
        for (var i = 0; i < users; i++)
        {
            // Users start spread over one interval, as real clients do.
            var user = firstUser + i;
            var start = interval * i / users;
            _users.Add(Task.Run(() => HeartbeatAsync(client, user, start, interval)));
        }
    }

    public int Users => _users.Count;

    /// <summary>What the last check of the counts saw, for a failure's message.</summary>
    public string LastSeen { get; set; } = "";

    /// <summary>Every answer so far: when it was sent (since the load started), its status and how long it took.</summary>
    public ConcurrentQueue<TrackAnswer> Answers { get; } = new();

    /// <summary>Time since the load started, the clock of <see cref="Answers"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Users <paramref name="firstUser"/> to <paramref name="firstUser"/> + <paramref name="users"/> - 1.</summary>
    public static TrackLoad Start(HttpClient client, int users, TimeSpan interval, int firstUser = 0) =>
        new(client, firstUser, users, interval);

    public static string Organization(int user) => $"org-{user % 5}";

    /// <summary>The answers to requests sent in [from, until).</summary>
    public IReadOnlyList<TrackAnswer> Between(TimeSpan from, TimeSpan until) =>
        [.. Answers.Where(answer => answer.SentAt >= from && answer.SentAt < until)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_users);
        _stop.Dispose();
    }

    private async Task HeartbeatAsync(HttpClient client, int user, TimeSpan start, TimeSpan interval)
    {
        await Delay(start);
        var activity = new
        {
            userId = $"user-{user}",
            organizationId = Organization(user),
            sessionId = $"session-{user}",
            moduleId = $"module-{user % 3}",
        };
        while (!_stop.IsCancellationRequested)
        {
            var sentAt = _clock.Elapsed;
            var status = 0;
            string? body = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                using var response = await client.PostAsJsonAsync($"{DashboardApp.Api}/track", activity, timeout.Token);
                status = (int)response.StatusCode;
                body = status == 200 ? null : await response.Content.ReadAsStringAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                body = exception.Message;
            }

            Answers.Enqueue(new TrackAnswer(sentAt, status, _clock.Elapsed - sentAt, body));
            await Delay(interval);
        }
    }

    private async Task Delay(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>One answer to a heartbeat: when it was sent (since the load started), its status (0: none), its time and body.</summary>
internal sealed record TrackAnswer(TimeSpan SentAt, int Status, TimeSpan Took, string? Body);
