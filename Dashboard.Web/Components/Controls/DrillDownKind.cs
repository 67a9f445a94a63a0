namespace Dashboard.Web.Components.Controls;

/// <summary>Which dimension a drill-down page looks at; the other one is its breakdown.</summary>
public enum DrillDownKind
{
    Module,
    Organization,
}
