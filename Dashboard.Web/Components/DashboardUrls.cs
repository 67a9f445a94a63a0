using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Components;

/// <summary>
/// Every link inside the dashboard, built in one place: the URL carries the view (range, filters), so a link
/// reproduces what its sender saw.
/// </summary>
public static class DashboardUrls
{
    public static string Overview(RangeSelection? range = null) => (range ?? RangeSelection.Default).AppendTo("/");

    public static string Module(string moduleId, RangeSelection? range = null) =>
        (range ?? RangeSelection.Default).AppendTo($"/modules/{Uri.EscapeDataString(moduleId)}");

    public static string Organization(string organizationId, RangeSelection? range = null) =>
        (range ?? RangeSelection.Default).AppendTo($"/organizations/{Uri.EscapeDataString(organizationId)}");

    public static string Sessions(string? moduleId = null, string? organizationId = null, string? userId = null) =>
        QueryHelpers.AddQueryString("/sessions", Present(("module", moduleId), ("organization", organizationId), ("user", userId)));

    public static string SessionsCsv(string? moduleId, string? organizationId, string? userId) =>
        QueryHelpers.AddQueryString(
            "/api/concurrent-users/sessions",
            Present(("format", "csv"), ("module", moduleId), ("organization", organizationId), ("user", userId)));

    private static Dictionary<string, string?> Present(params (string Key, string? Value)[] parameters) =>
        parameters.Where(parameter => !string.IsNullOrEmpty(parameter.Value)).ToDictionary(parameter => parameter.Key, parameter => parameter.Value);
}
