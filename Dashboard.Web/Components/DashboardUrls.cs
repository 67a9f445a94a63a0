using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Components;

/// <summary>
/// Every link inside the dashboard, built in one place: the URL carries the view (range, filters), so a link
/// reproduces what its sender saw.
/// </summary>
public static class DashboardUrls
{
    public const string DefaultRange = "24h";

    public static string Overview(string? range = null) => WithRange("/", range);

    public static string Module(string moduleId, string? range = null) => WithRange($"/modules/{Uri.EscapeDataString(moduleId)}", range);

    public static string Organization(string organizationId, string? range = null) =>
        WithRange($"/organizations/{Uri.EscapeDataString(organizationId)}", range);

    public static string Sessions(string? moduleId = null, string? organizationId = null, string? userId = null) =>
        QueryHelpers.AddQueryString("/sessions", Present(("module", moduleId), ("organization", organizationId), ("user", userId)));

    public static string SessionsCsv(string? moduleId, string? organizationId, string? userId) =>
        QueryHelpers.AddQueryString(
            "/api/concurrent-users/sessions",
            Present(("format", "csv"), ("module", moduleId), ("organization", organizationId), ("user", userId)));

    private static string WithRange(string path, string? range) =>
        range is null or DefaultRange ? path : QueryHelpers.AddQueryString(path, "range", range);

    private static Dictionary<string, string?> Present(params (string Key, string? Value)[] parameters) =>
        parameters.Where(parameter => !string.IsNullOrEmpty(parameter.Value)).ToDictionary(parameter => parameter.Key, parameter => parameter.Value);
}
