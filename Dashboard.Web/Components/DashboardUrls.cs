using System.Globalization;
using Dashboard.Core.History;
using Dashboard.Web.Api;
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
            $"{ConcurrentUsersApi.Prefix}/sessions",
            Present(("format", "csv"), ("module", moduleId), ("organization", organizationId), ("user", userId)));

    /// <summary>The trend of <paramref name="scope"/> over <paramref name="range"/> as the API's CSV download.</summary>
    public static string TrendCsv(HistoryScope scope, RangeSelection range)
    {
        var (start, end) = range.Bounds;
        return QueryHelpers.AddQueryString(
            $"{ConcurrentUsersApi.Prefix}/trend",
            Present(
                ("start", start), ("end", end), ("format", "csv"),
                ("module", scope.Kind == HistoryScopeKind.Module ? scope.Id : null),
                ("organization", scope.Kind == HistoryScopeKind.Organization ? scope.Id : null)));
    }

    /// <summary>The alerts page with its filters; the first page needs no number.</summary>
    public static string Alerts(string? status = null, string? severity = null, int page = 1) =>
        QueryHelpers.AddQueryString("/alerts", Present(
            ("status", status), ("severity", severity), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null)));

    private static Dictionary<string, string?> Present(params (string Key, string? Value)[] parameters) =>
        parameters.Where(parameter => !string.IsNullOrEmpty(parameter.Value)).ToDictionary(parameter => parameter.Key, parameter => parameter.Value);
}
