namespace Dashboard.Web.Components.Charts;

/// <summary>What an <see cref="ApexChart"/> draws: users over time (line or area), or one bar per category.</summary>
public enum ChartKind
{
    Line,
    Area,
    Bar,
}
