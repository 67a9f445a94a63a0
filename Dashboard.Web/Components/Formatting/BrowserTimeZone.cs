using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Formatting;

/// <summary>The time zone this viewer's browser runs in, asked once the circuit can talk to the page.</summary>
public sealed class BrowserTimeZone(IJSRuntime js)
{
    internal const string ModulePath = "./js/time-zone.js";

    /// <summary>The browser's zone, or UTC when it names one this server does not know.</summary>
    public async Task<TimeZoneInfo> GetAsync()
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        var id = await module.InvokeAsync<string?>("browserTimeZone");
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
