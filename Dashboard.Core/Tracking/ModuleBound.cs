using System.Collections.Concurrent;
using Dashboard.Core.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Tracking;

/// <summary>
/// Keeps the modules a request can name to a short list before they become keys, rows, chart bars or payload entries:
/// the allow-list <c>Dashboard:Tracking:Modules</c> when given, else the first <c>MaxModules</c> modules the live store
/// admitted (shared by every instance on Redis). Activity for any other module is counted under <see cref="Other"/>.
/// </summary>
public sealed partial class ModuleBound(ILiveStore store, IOptions<TrackingOptions> options, ILogger<ModuleBound> logger)
{
    /// <summary>Where activity for a module past the bound is counted; it takes no place of its own.</summary>
    public const string Other = "other";

    private readonly TrackingOptions _options = options.Value;
    private readonly HashSet<string> _allowed = new(options.Value.Modules, StringComparer.Ordinal);

    // Modules the store has admitted, as this instance learnt them: at most MaxModules, so a heartbeat for a known
    // module costs no call. A module refused is not remembered (that would grow without bound): it is asked again.
    private readonly ConcurrentDictionary<string, byte> _admitted = new(StringComparer.Ordinal);
    private long _countedAsOther;
    private int _warned;

    /// <summary>Activities counted under <see cref="Other"/> since start, because their module was past the bound.</summary>
    public long CountedAsOther => Interlocked.Read(ref _countedAsOther);

    /// <summary>The activities with each module past the bound replaced by <see cref="Other"/>.</summary>
    public async Task<IReadOnlyList<ActivityEvent>> ApplyAsync(IReadOnlyList<ActivityEvent> activities, CancellationToken cancellationToken)
    {
        var unknown = activities.Select(activity => activity.ModuleId).Where(module => !IsKnown(module)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return activities;
        }

        if (_allowed.Count == 0)
        {
            foreach (var module in await store.AdmitModulesAsync(unknown, _options.MaxModules, cancellationToken).ConfigureAwait(false))
            {
                _admitted.TryAdd(module, 0);
            }
        }

        var refused = activities.Count(activity => !IsKnown(activity.ModuleId));
        if (refused == 0)
        {
            return activities;
        }

        Interlocked.Add(ref _countedAsOther, refused);
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogPastTheBound(logger, unknown.First(module => !IsKnown(module)), _allowed.Count > 0 ? _allowed.Count : _options.MaxModules);
        }

        return [.. activities.Select(activity => IsKnown(activity.ModuleId) ? activity : activity with { ModuleId = Other })];
    }

    private bool IsKnown(string module) =>
        module == Other || (_allowed.Count > 0 ? _allowed.Contains(module) : _admitted.ContainsKey(module));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Module {Module} is past the bound of {Bound} modules (Dashboard:Tracking:MaxModules or Modules): its activity, and that of any further module, is counted under \"other\"")]
    private static partial void LogPastTheBound(ILogger logger, string module, int bound);
}
