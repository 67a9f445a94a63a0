namespace Dashboard.Web.Components.Account;

/// <summary>Where to go after signing in: the page asked for when it is on this site, else the overview (no open redirects).</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
