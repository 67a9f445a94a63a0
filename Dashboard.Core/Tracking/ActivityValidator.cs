using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Tracking;

/// <summary>The rules an activity must meet before any store sees it; every problem is reported, not just the first.</summary>
public static partial class ActivityValidator
{
    public const int MaxIdLength = 128;
    public const int MaxUserAgentLength = 512;

    public static IReadOnlyList<ValidationError> Validate(ActivityEvent activity)
    {
        var errors = new List<ValidationError>();
        CheckId(errors, "userId", activity.UserId);
        CheckId(errors, "organizationId", activity.OrganizationId);
        CheckId(errors, "sessionId", activity.SessionId);
        CheckId(errors, "moduleId", activity.ModuleId);

        if (activity.UserAgent is { Length: > MaxUserAgentLength })
        {
            errors.Add(new("userAgent", $"userAgent must be at most {MaxUserAgentLength} characters."));
        }

        if (activity.IpAddress is not null && !IsIpAddress(activity.IpAddress))
        {
            errors.Add(new("ipAddress", "ipAddress must be a valid IPv4 or IPv6 address."));
        }

        return errors;
    }

    private static void CheckId(List<ValidationError> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new(field, $"{field} is required."));
        }
        else if (value.Length > MaxIdLength)
        {
            errors.Add(new(field, $"{field} must be at most {MaxIdLength} characters."));
        }
        else if (!IdPattern().IsMatch(value))
        {
            errors.Add(new(field, $"{field} may contain only letters, digits and . _ : @ -"));
        }
    }

    // IPAddress.TryParse alone accepts "1" or "1.2" as IPv4; an address here must be written out in full.
    private static bool IsIpAddress(string value) =>
        IPAddress.TryParse(value, out var address) &&
        (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || value.Count(c => c == '.') == 3);

    [GeneratedRegex("^[A-Za-z0-9._:@-]+$")]
    private static partial Regex IdPattern();
}
