namespace Dashboard.Web.Components;

/// <summary>Navigation inside the dashboard that keeps how the viewer watches (<see cref="ViewQuery"/>).</summary>
public static class ViewNavigation
{
    /// <summary>Goes to <paramref name="url"/> with the current page's refresh and kiosk choice where it names none.</summary>
    public static void NavigateKeepingView(this NavigationManager navigation, string url) =>
        navigation.NavigateTo(ViewQuery.FromUri(navigation.Uri).AppendTo(url));
}
