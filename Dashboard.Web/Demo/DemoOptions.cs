namespace Dashboard.Web.Demo;

/// <summary>Synthetic traffic for a first look (<c>Dashboard:Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Dashboard:Demo";

    /// <summary>Unset: on in Development with the in-process live store, off otherwise.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How many users are online at the quietest moment; the busiest has about twice as many.</summary>
    public int BaseUsers { get; set; } = 120;
}
