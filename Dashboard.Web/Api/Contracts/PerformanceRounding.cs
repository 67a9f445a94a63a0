namespace Dashboard.Web.Api.Contracts;

/// <summary>
/// How performance figures are rounded in answers: response times to 0.1 ms (far finer than the histogram's 2%),
/// error rates to 4 decimals (0.01%).
/// </summary>
internal static class PerformanceRounding
{
    public static double? Milliseconds(double? milliseconds) => milliseconds is { } value ? Math.Round(value, 1) : null;

    public static double Rate(double rate) => Math.Round(rate, 4);
}
