using Dashboard.Core.Alerts;

namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET alerts</c>: a page of alerts, active first, and how many match.</summary>
public sealed record AlertsData(IReadOnlyList<AlertRecord> Alerts, int Total, int Offset, int Limit);
