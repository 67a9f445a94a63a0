using Dashboard.Core.Configuration;

namespace Dashboard.Tests.Configuration;

public sealed class AlertOptionsValidatorTests
{
    private readonly AlertOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreTheSpecsThresholds()
    {
        var options = new AlertOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal((1000, 0.05, 500, 80, 85, 90, 2), (
            options.HighConcurrency, options.HighErrorRate, options.HighResponseTimeMs, options.HighCpuPercent,
            options.HighMemoryPercent, options.HighDbConnectionsPercent, options.ForPolls));
    }

    [Fact]
    public void Validate_ErrorRateAsAPercentage_SaysItIsAShare()
    {
        var result = _validator.Validate(null, new AlertOptions { HighErrorRate = 5 });

        Assert.Equal(
            "Dashboard:Alerts:HighErrorRate is a share of requests: more than 0, at most 1 (0.05 = 5%).",
            Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("ftp://alerts.example.com/hook")]
    [InlineData("/relative/hook")]
    public void Validate_WebhookNotAnHttpUrl_Fails(string url)
    {
        var result = _validator.Validate(null, new AlertOptions { WebhookUrl = url });

        Assert.Contains("WebhookUrl must be an absolute http or https URL", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingWrong_ListsEveryProblem()
    {
        var result = _validator.Validate(null, new AlertOptions
        {
            HighConcurrency = 0,
            HighErrorRate = 0,
            HighResponseTimeMs = -1,
            HighCpuPercent = 101,
            HighMemoryPercent = 0,
            HighDbConnectionsPercent = 150,
            ForPolls = 0,
            WebhookUrl = "not a url",
        });

        Assert.Equal(8, result.Failures!.Count());
    }
}
