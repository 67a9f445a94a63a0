using Dashboard.Core.Performance;

namespace Dashboard.Web.Performance;

/// <summary>
/// This instance's own API response times, counted in memory and handed to the live store once per poll under
/// <see cref="ModuleId"/>, so that watching the API costs no store round trip per request.
/// </summary>
public sealed class ApiLatencies
{
    public const string ModuleId = PerformanceSnapshot.OwnApiModule;

    private readonly Lock _lock = new();
    private LatencyHistogram _pending = new();

    public void Record(double milliseconds, bool isError)
    {
        lock (_lock)
        {
            _pending.Record(milliseconds, isError);
        }
    }

    /// <summary>What was counted since the last call; the caller hands it to the store or gives it back.</summary>
    public LatencyHistogram Take()
    {
        lock (_lock)
        {
            var taken = _pending;
            _pending = new LatencyHistogram();
            return taken;
        }
    }

    /// <summary>Puts back what could not be stored, so a store that is down loses no count.</summary>
    public void GiveBack(LatencyHistogram histogram)
    {
        lock (_lock)
        {
            _pending.Merge(histogram);
        }
    }
}
