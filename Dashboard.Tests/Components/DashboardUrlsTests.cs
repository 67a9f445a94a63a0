using Dashboard.Web.Components;

namespace Dashboard.Tests.Components;

public sealed class DashboardUrlsTests
{
    [Fact]
    public void Audit_BlankFiltersAndTheFirstRow_AreLeftOut() =>
        Assert.Equal("/admin/audit?actor=ann&offset=50", DashboardUrls.Audit(" ann ", "", "  ", null, 50));

    [Fact]
    public void Audit_NoFilter_IsThePage() => Assert.Equal("/admin/audit", DashboardUrls.Audit());

    [Fact]
    public void AuditCsv_Filters_AskTheApiForCsv() =>
        Assert.Equal("/api/concurrent-users/audit?action=rule.saved&start=7d&format=csv", DashboardUrls.AuditCsv(null, "rule.saved", " 7d", ""));

    [Fact]
    public void SignIn_ReturnUrl_IsEscapedIntoTheQuery() =>
        Assert.Equal("/login?returnUrl=%2Falerts%3Fstatus%3Dactive", DashboardUrls.SignIn("/alerts?status=active"));

    [Fact]
    public void SignIn_NoReturnUrl_IsThePage() => Assert.Equal("/login", DashboardUrls.SignIn());
}
