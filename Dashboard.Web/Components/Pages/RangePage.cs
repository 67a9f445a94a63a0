namespace Dashboard.Web.Components.Pages;

/// <summary>A page whose view depends on a time range kept in its URL (<c>?range=</c> or <c>?start=&amp;end=</c>).</summary>
public abstract class RangePage : ComponentBase
{
    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "range")]
    public string? RangeQuery { get; set; }

    [SupplyParameterFromQuery(Name = "start")]
    public string? StartQuery { get; set; }

    [SupplyParameterFromQuery(Name = "end")]
    public string? EndQuery { get; set; }

    [SupplyParameterFromQuery(Name = ViewQuery.KioskKey)]
    public string? KioskQuery { get; set; }

    /// <summary>The wall screen (<c>?kiosk=1</c>): the page shows what a screen across the room can, and no controls.</summary>
    protected bool IsKiosk => ViewQuery.IsOn(KioskQuery);

    protected RangeSelection Range => RangeSelection.FromQuery(RangeQuery, StartQuery, EndQuery);

    /// <summary>This page's URL with another range; navigating to it re-renders the page with that range.</summary>
    protected abstract string UrlWith(RangeSelection range);

    protected void ChangeRange(RangeSelection range) => Navigation.NavigateKeepingView(UrlWith(range));
}
