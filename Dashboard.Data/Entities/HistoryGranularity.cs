namespace Dashboard.Data.Entities;

/// <summary>The bucket a history row summarises; stored as "minute" or "hour".</summary>
public enum HistoryGranularity
{
    Minute,
    Hour,
}
