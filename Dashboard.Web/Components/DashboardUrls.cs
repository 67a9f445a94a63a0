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

    public static string People() => "/admin/users";

    public static string ApiKeys() => "/admin/api-keys";

    /// <summary>The audit trail filtered as given, from row <paramref name="offset"/> (blank filters are left out).</summary>
    public static string Audit(string? actor = null, string? action = null, string? start = null, string? end = null, int offset = 0) =>
        QueryHelpers.AddQueryString("/admin/audit", AuditFilter(actor, action, start, end, offset));

    public static string AuditCsv(string? actor, string? action, string? start, string? end)
    {
        var query = AuditFilter(actor, action, start, end, offset: 0);
        query["format"] = "csv";
        return QueryHelpers.AddQueryString($"{ConcurrentUsersApi.Prefix}/audit", query);
    }

    /// <summary>The API's reference (Swagger UI).</summary>
    public static string ApiDocs() => "/api-docs";

    /// <summary>The sign-in page, which sends the person back to <paramref name="returnUrl"/> (a local path) once signed in.</summary>
    public static string SignIn(string? returnUrl = null) =>
        QueryHelpers.AddQueryString("/login", Present(("returnUrl", returnUrl)));

    private static Dictionary<string, string?> AuditFilter(string? actor, string? action, string? start, string? end, int offset) =>
        Present(
            ("actor", actor?.Trim()), ("action", action), ("start", start?.Trim()), ("end", end?.Trim()),
            ("offset", offset > 0 ? offset.ToString(CultureInfo.InvariantCulture) : null));

    private static Dictionary<string, string?> Present(params (string Key, string? Value)[] parameters) =>
        parameters.Where(parameter => !string.IsNullOrWhiteSpace(parameter.Value)).ToDictionary(parameter => parameter.Key, parameter => parameter.Value);
}
