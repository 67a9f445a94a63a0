using Dashboard.Core.Alerts;

namespace Dashboard.Web.Components.Controls;

/// <summary>One thing that happened to an alert: it fired, repeated, was acknowledged (by whom, with the note) or resolved.</summary>
public sealed record AlertTimelineEntry(DateTimeOffset At, string What, string? Note = null)
{
    /// <summary>An alert's history from its own fields, oldest first.</summary>
    public static IReadOnlyList<AlertTimelineEntry> Of(AlertRecord alert)
    {
        var entries = new List<AlertTimelineEntry> { new(alert.TriggeredAt, $"fired: {AlertText.Title(alert)}") };
        if (alert.RepeatCount > 1)
        {
            entries.Add(new(alert.LastSeenAt, $"still breached, seen in {alert.RepeatCount} polls"));
        }

        if (alert.AcknowledgedAt is { } acknowledged)
        {
            entries.Add(new(acknowledged, $"acknowledged by {alert.AcknowledgedBy}", string.IsNullOrEmpty(alert.AcknowledgementNote) ? null : alert.AcknowledgementNote));
        }

        if (alert.ResolvedAt is { } resolved)
        {
            entries.Add(new(resolved, "resolved"));
        }

        return [.. entries.OrderBy(entry => entry.At)];
    }
}
