namespace Dashboard.Core.History;

/// <summary>Where an answer about the past came from, finest first.</summary>
public enum HistoryTier
{
    /// <summary>The 10-second samples of the last hour, kept with the live store.</summary>
    LiveSamples,

    /// <summary>Per-minute rows (min, average, max), kept a year by default.</summary>
    Minute,

    /// <summary>Hourly rollups of the minute rows, kept five years by default.</summary>
    Hour,
}
