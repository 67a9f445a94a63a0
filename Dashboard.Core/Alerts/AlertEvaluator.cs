namespace Dashboard.Core.Alerts;

/// <summary>
/// The alert state machine, one per instance: fed each poll's observed values, it says which alerts fire, repeat
/// and resolve. Holding a condition for N polls before firing and a 10% margin before clearing keeps a value that
/// hovers near the threshold from flapping.
/// </summary>
public sealed class AlertEvaluator
{
    private readonly Dictionary<string, RuleState> _states = [];

    /// <summary>Marks rules whose alerts are already open (after a restart), so they resolve instead of firing again.</summary>
    public void Resume(IEnumerable<string> openRuleIds)
    {
        // What this instance knew from an earlier turn as evaluator is stale: another may have fired or resolved since.
        _states.Clear();
        foreach (var ruleId in openRuleIds)
        {
            _states[ruleId] = new RuleState { IsOpen = true };
        }
    }

    /// <summary>
    /// Evaluates every enabled rule against its value this poll. A rule without a value (nothing measured) keeps
    /// its state. A disabled or removed rule resolves its open alert.
    /// </summary>
    public IReadOnlyList<AlertTransition> Evaluate(
        IReadOnlyList<AlertRule> rules, Func<AlertRule, double?> valueOf, DateTimeOffset now)
    {
        var transitions = new List<AlertTransition>();
        var active = rules.Where(rule => rule.Enabled).ToDictionary(rule => rule.Id);
        foreach (var rule in active.Values)
        {
            if (valueOf(rule) is { } value && Step(rule, value) is { } kind)
            {
                transitions.Add(new AlertTransition(kind, rule, value, now));
            }
        }

        foreach (var (ruleId, state) in _states.Where(entry => !active.ContainsKey(entry.Key)).ToList())
        {
            _states.Remove(ruleId);
            if (state.IsOpen && rules.FirstOrDefault(rule => rule.Id == ruleId) is { } disabled)
            {
                transitions.Add(new AlertTransition(AlertTransitionKind.Resolved, disabled, 0, now));
            }
        }

        return transitions;
    }

    private AlertTransitionKind? Step(AlertRule rule, double value)
    {
        if (!_states.TryGetValue(rule.Id, out var state))
        {
            state = new RuleState();
            _states[rule.Id] = state;
        }

        var needed = Math.Max(1, rule.ForPolls);
        if (rule.IsBreachedBy(value))
        {
            state.ClearPolls = 0;
            if (state.IsOpen)
            {
                return AlertTransitionKind.Repeated;
            }

            if (++state.BreachPolls >= needed)
            {
                state.IsOpen = true;
                state.BreachPolls = 0;
                return AlertTransitionKind.Fired;
            }
        }
        else if (rule.IsClearedBy(value))
        {
            state.BreachPolls = 0;
            if (state.IsOpen && ++state.ClearPolls >= needed)
            {
                state.IsOpen = false;
                state.ClearPolls = 0;
                return AlertTransitionKind.Resolved;
            }
        }
        else
        {
            // Between 90% and 100% of the threshold: neither a breach nor clear, so both runs start over.
            state.BreachPolls = 0;
            state.ClearPolls = 0;
        }

        return null;
    }

    private sealed class RuleState
    {
        public bool IsOpen { get; set; }

        public int BreachPolls { get; set; }

        public int ClearPolls { get; set; }
    }
}
