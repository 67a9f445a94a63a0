using Dashboard.Core.Alerts;

namespace Dashboard.Tests.Alerts;

public sealed class AlertRuleValidatorTests
{
    private static readonly AlertRule Valid = new("busy", AlertKind.HighConcurrency, AlertScope.Module("tax"), 500, AlertSeverity.Warning, 2);

    [Fact]
    public void Validate_ASensibleRule_HasNoErrors() => Assert.Empty(AlertRuleValidator.Validate(Valid));

    [Fact]
    public void Validate_ErrorRateAboveOne_NamesTheThreshold()
    {
        var errors = AlertRuleValidator.Validate(Valid with { Kind = AlertKind.HighErrorRate, Scope = AlertScope.Overall, Threshold = 5 });

        Assert.Equal("threshold must be more than 0 and at most 1 for high_error_rate.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Validate_EverythingWrong_ListsEveryProblem()
    {
        var errors = AlertRuleValidator.Validate(Valid with { Id = "", Kind = AlertKind.HighCpu, Threshold = double.NaN, ForPolls = 0 });

        Assert.Equal(["id", "scope", "threshold", "for_polls"], errors.Select(error => error.Field));
    }
}
