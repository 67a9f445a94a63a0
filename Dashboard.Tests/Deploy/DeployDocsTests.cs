using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Deploy;

/// <summary>docs/deploy.md shows the HAProxy configuration the load balancer test runs, not a copy that drifted.</summary>
public sealed class DeployDocsTests
{
    [Fact]
    public void DeployDoc_ShowsTheHaproxyConfigTheTestsRun()
    {
        var config = File.ReadAllText(Haproxy.ConfigPath).TrimEnd();
        var doc = File.ReadAllText(Path.Combine(Haproxy.RepositoryRoot(), "docs", "deploy.md"));

        Assert.Contains($"```haproxy\n{config}\n```", doc, StringComparison.Ordinal);
    }
}
