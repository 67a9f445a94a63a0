using Dashboard.Core.Alerts;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Alerts;

public sealed class AlertEvaluatorTests
{
    private static readonly AlertRule Concurrency =
        new("high-concurrency", AlertKind.HighConcurrency, AlertScope.Overall, Threshold: 1000, AlertSeverity.Warning, ForPolls: 2);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly AlertEvaluator _evaluator = new();

    [Fact]
    public void Evaluate_BreachForFewerPollsThanRequired_DoesNotFire()
    {
        Assert.Empty(Poll(1500));
    }

    [Fact]
    public void Evaluate_BreachForRequiredPolls_FiresOnceWithTheValue()
    {
        Poll(1500);

        var transition = Assert.Single(Poll(1600));

        Assert.Equal(AlertTransitionKind.Fired, transition.Kind);
        Assert.Equal(1600, transition.Value);
        Assert.Equal(_time.GetUtcNow(), transition.At);
    }

    [Fact]
    public void Evaluate_ValueEqualToThreshold_IsNotABreach()
    {
        Poll(1000);

        Assert.Empty(Poll(1000));
    }

    [Fact]
    public void Evaluate_BreachWhileOpen_RepeatsWithTheLatestValue()
    {
        Poll(1500);
        Poll(1500);

        var repeat = Assert.Single(Poll(1700));

        Assert.Equal(AlertTransitionKind.Repeated, repeat.Kind);
        Assert.Equal(1700, repeat.Value);
    }

    [Fact]
    public void Evaluate_ClearForRequiredPolls_Resolves()
    {
        Poll(1500);
        Poll(1500);

        Assert.Empty(Poll(800));
        Assert.Equal(AlertTransitionKind.Resolved, Assert.Single(Poll(850)).Kind);
    }

    [Fact]
    public void Evaluate_HoveringBetween90And100PercentWhileOpen_StaysOpen()
    {
        Poll(1500);
        Poll(1500);

        for (var i = 0; i < 10; i++)
        {
            Assert.Empty(Poll(i % 2 == 0 ? 950 : 920));
        }

        Assert.Equal(AlertTransitionKind.Repeated, Assert.Single(Poll(1001)).Kind);
    }

    [Fact]
    public void Evaluate_FlappingAroundTheThreshold_NeverFires()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.Empty(Poll(i % 2 == 0 ? 1100 : 950));
        }
    }

    [Fact]
    public void Evaluate_ClearRunInterruptedByABreach_StartsOver()
    {
        Poll(1500);
        Poll(1500);
        Poll(800);

        Assert.Equal(AlertTransitionKind.Repeated, Assert.Single(Poll(1200)).Kind);
        Assert.Empty(Poll(800));
        Assert.Equal(AlertTransitionKind.Resolved, Assert.Single(Poll(800)).Kind);
    }

    [Fact]
    public void Evaluate_BreachAfterResolve_FiresANewAlert()
    {
        Poll(1500);
        Poll(1500);
        Poll(100);
        Poll(100);

        Assert.Empty(Poll(2000));
        Assert.Equal(AlertTransitionKind.Fired, Assert.Single(Poll(2000)).Kind);
    }

    [Fact]
    public void Evaluate_NoValueThisPoll_KeepsTheRun()
    {
        Poll(1500);
        Assert.Empty(_evaluator.Evaluate([Concurrency], _ => null, _time.GetUtcNow()));

        Assert.Equal(AlertTransitionKind.Fired, Assert.Single(Poll(1500)).Kind);
    }

    [Fact]
    public void Evaluate_RuleDisabledWhileOpen_ResolvesIt()
    {
        Poll(1500);
        Poll(1500);

        var transitions = _evaluator.Evaluate([Concurrency with { Enabled = false }], _ => 5000, _time.GetUtcNow());

        Assert.Equal(AlertTransitionKind.Resolved, Assert.Single(transitions).Kind);
    }

    [Fact]
    public void Evaluate_ForPollsOne_FiresAndResolvesOnTheFirstPoll()
    {
        var rule = Concurrency with { ForPolls = 1 };

        Assert.Equal(AlertTransitionKind.Fired, Assert.Single(_evaluator.Evaluate([rule], _ => 1001, _time.GetUtcNow())).Kind);
        Assert.Equal(AlertTransitionKind.Resolved, Assert.Single(_evaluator.Evaluate([rule], _ => 0, _time.GetUtcNow())).Kind);
    }

    [Fact]
    public void Evaluate_RulesAreIndependent()
    {
        var errors = new AlertRule("errors", AlertKind.HighErrorRate, AlertScope.Module("tax"), 0.05, AlertSeverity.Critical, 2);
        IReadOnlyList<AlertRule> rules = [Concurrency, errors];

        _evaluator.Evaluate(rules, rule => rule == errors ? 0.2 : 10, _time.GetUtcNow());
        var transitions = _evaluator.Evaluate(rules, rule => rule == errors ? 0.2 : 10, _time.GetUtcNow());

        Assert.Equal(errors, Assert.Single(transitions).Rule);
    }

    [Fact]
    public void Resume_OpenAlertFromBeforeARestart_RepeatsAndResolvesInsteadOfFiringAgain()
    {
        _evaluator.Resume([Concurrency.Id]);

        Assert.Equal(AlertTransitionKind.Repeated, Assert.Single(Poll(1500)).Kind);
        Poll(10);
        Assert.Equal(AlertTransitionKind.Resolved, Assert.Single(Poll(10)).Kind);
    }

    private IReadOnlyList<AlertTransition> Poll(double value)
    {
        _time.Advance(TimeSpan.FromSeconds(10));
        return _evaluator.Evaluate([Concurrency], _ => value, _time.GetUtcNow());
    }
}
