namespace Dashboard.Web.Components.Pages;

/// <summary>The overview: the platform now (its parts follow the live view themselves) and over the range in the URL.</summary>
public sealed partial class Home : RangePage
{
    protected override string UrlWith(RangeSelection range) => DashboardUrls.Overview(range);
}
