using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Faults;

/// <summary>What the fault tests ask a running app, and how long until an answer holds.</summary>
internal static class FaultProbe
{
    /// <summary>Asks <paramref name="condition"/> every 100 ms and returns how long it took to hold; fails after <paramref name="limit"/>.</summary>
    public static Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what) =>
        TimeUntilAsync(condition, limit, () => what);

    /// <param name="what">What is awaited, and what was seen meanwhile, asked for the failure's message.</param>
    public static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await condition())
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
            {
                // The app or its store may be coming back; asked again.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited {limit.TotalSeconds} s for: {what()}.");
    }

    /// <summary>The poll's concurrent users (GET current), or null while the poll reports its store unavailable.</summary>
    public static async Task<long?> CurrentUsersAsync(HttpClient client)
    {
        using var response = await client.GetAsync($"{DashboardApp.Api}/current");
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("data").GetProperty("concurrent_users").GetInt64();
    }

    /// <summary>Users per organization in the poll's ranking (GET metrics).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> OrganizationsAsync(HttpClient client)
    {
        using var response = await client.GetAsync($"{DashboardApp.Api}/metrics?top=100");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("data").GetProperty("organizations").EnumerateArray()
            .ToDictionary(org => org.GetProperty("organization_id").GetString()!, org => org.GetProperty("concurrent_users").GetInt64());
    }

    /// <summary>Whether the poll counts every user of the load, in the right organizations.</summary>
    public static async Task<bool> CountsRightAsync(HttpClient client, TrackLoad load)
    {
        var users = await CurrentUsersAsync(client);
        load.LastSeen = $"{users?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unavailable"} users";
        if (users != load.Users)
        {
            return false;
        }

        var expected = Enumerable.Range(0, load.Users).GroupBy(TrackLoad.Organization)
            .ToDictionary(group => group.Key, group => (long)group.Count());
        var organizations = await OrganizationsAsync(client);
        load.LastSeen += $", organizations {string.Join(' ', organizations.OrderBy(org => org.Key).Select(org => $"{org.Key}={org.Value}"))}";
        return expected.All(org => organizations.GetValueOrDefault(org.Key) == org.Value);
    }
}
