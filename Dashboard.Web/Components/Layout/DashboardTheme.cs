using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// MudBlazor's palettes with the shades that fell short of WCAG AA (4.5:1 for text) moved until they meet it, keeping
/// each hue: in light, deeper green, orange, red and blue (white text on them, and they on white); in dark, a lighter
/// primary and error and brighter secondary text on the dark surfaces, with dark text on the bright fills.
/// </summary>
public static class DashboardTheme
{
    // Dark text on the dark theme's bright fills (buttons, chips): white on them is 1.9 to 4.2:1.
    private const string DarkContrastText = "#1e1e24";

    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Success = "#2e7d32",
            Warning = "#b85500",
            Error = "#d32f2f",
            Info = "#1976d2",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a59cf0",
            PrimaryContrastText = DarkContrastText,
            Error = "#ff7b88",
            ErrorContrastText = DarkContrastText,
            WarningContrastText = DarkContrastText,
            SuccessContrastText = DarkContrastText,
            Info = "#64b5f6",
            InfoContrastText = DarkContrastText,
            TextSecondary = "rgba(255,255,255,0.6)",
        },
    };
}
