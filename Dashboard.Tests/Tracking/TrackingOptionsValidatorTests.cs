using Dashboard.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Tracking;

public sealed class TrackingOptionsValidatorTests
{
    private readonly TrackingOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreTheSpecsAndValid()
    {
        var options = new TrackingOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(1), options.ActivityWindow);
        Assert.Equal(TimeSpan.FromMinutes(2), options.SessionTtl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.CleanupInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.PollInterval);
        Assert.Equal(16, options.Shards);
    }

    [Fact]
    public void Validate_ModuleBoundAndAllowList_AreChecked()
    {
        var result = _validator.Validate(null, new TrackingOptions { MaxModules = 1, Modules = ["tax", "pay roll"] });

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, failure => failure.Contains("more than MaxModules", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("\"pay roll\" is not a module id", StringComparison.Ordinal));
        Assert.Equal(200, new TrackingOptions().MaxModules);
    }

    [Fact]
    public void Validate_EveryProblem_IsListed()
    {
        var options = new TrackingOptions
        {
            ActivityWindow = TimeSpan.Zero,
            SessionTtl = TimeSpan.FromSeconds(-1),
            CleanupInterval = TimeSpan.Zero,
            PollInterval = TimeSpan.Zero,
            Shards = 0,
            KeyPrefix = "a{b}",
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(7, result.Failures!.Count());
        Assert.Contains(result.Failures!, failure => failure.Contains("Shards", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("at least ActivityWindow", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public void Validate_Shards_MustBeWithinRange(int shards, bool valid)
    {
        Assert.Equal(valid, _validator.Validate(null, new TrackingOptions { Shards = shards }).Succeeded);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Validate_TopOrganizations_MustBeWithinRange(int top, bool valid)
    {
        Assert.Equal(valid, _validator.Validate(null, new TrackingOptions { TopOrganizations = top }).Succeeded);
    }

    [Fact]
    public void AddLiveTracking_InvalidConfiguration_FailsWhenOptionsAreRead()
    {
        var services = new ServiceCollection().AddLiveTracking(Configuration(("Dashboard:Tracking:SessionTtl", "00:00:30")));

        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TrackingOptions>>().Value);
        Assert.Contains("SessionTtl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLiveTracking_UnknownStore_IsRefusedWithTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddLiveTracking(Configuration(("Dashboard:LiveStore", "Memcached"))));

        Assert.Contains("InProcess, Redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLiveTracking_RedisWithoutConnectionString_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddLiveTracking(Configuration(("Dashboard:LiveStore", "Redis"))));

        Assert.Contains("ConnectionStrings:Redis", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
}
