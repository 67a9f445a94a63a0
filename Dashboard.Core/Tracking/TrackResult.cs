namespace Dashboard.Core.Tracking;

/// <summary>
/// What became of a track request: accepted as a whole, or refused with every problem listed; refused because it names
/// sessions other users hold (<see cref="SessionTaken"/>), or because it is invalid.
/// </summary>
public sealed record TrackResult(int Accepted, IReadOnlyList<ValidationError> Errors, bool SessionTaken = false)
{
    public bool IsValid => Errors.Count == 0;
}
