namespace Dashboard.Core.Tracking;

/// <summary>What became of a track request: accepted as a whole, or refused with every problem listed.</summary>
public sealed record TrackResult(int Accepted, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
