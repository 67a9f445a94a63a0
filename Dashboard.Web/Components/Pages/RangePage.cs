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

    protected RangeSelection Range => RangeSelection.FromQuery(RangeQuery, StartQuery, EndQuery);

    /// <summary>This page's URL with another range; navigating to it re-renders the page with that range.</summary>
    protected abstract string UrlWith(RangeSelection range);

    protected void ChangeRange(RangeSelection range) => Navigation.NavigateTo(UrlWith(range));
}
