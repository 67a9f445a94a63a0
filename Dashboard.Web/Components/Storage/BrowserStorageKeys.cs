namespace Dashboard.Web.Components.Storage;

/// <summary>Every key the dashboard keeps in the browser's local storage, in one place so none collide or drift.</summary>
public static class BrowserStorageKeys
{
    /// <summary>"dark" or "light": the theme this browser chose.</summary>
    public const string Theme = "dashboard-theme";

    /// <summary>"utc" when this browser chose UTC times; otherwise times are in the browser's zone.</summary>
    public const string TimeZone = "dashboard-time-zone";
}
