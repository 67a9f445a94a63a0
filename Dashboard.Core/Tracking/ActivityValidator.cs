using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Tracking;

/// <summary>The rules an activity must meet before any store sees it; every problem is reported, not just the first.</summary>
public static partial class ActivityValidator
{
    public const int MaxIdLength = 128;
    public const int MaxUserAgentLength = 512;
    public const double MaxResponseTimeMs = 600_000;

    /// <summary>
    /// The characters of an id as the OpenAPI document publishes them (an ECMAScript pattern, where $ is the end; the
    /// validator's own pattern ends with \z, as .NET's $ also matches before a final newline).
    /// </summary>
    public const string IdPatternText = "^[A-Za-z0-9._:@-]+$";

    public static IReadOnlyList<ValidationError> Validate(ActivityEvent activity)
    {
        var errors = new List<ValidationError>();
        AddIfInvalid(errors, ValidateId("userId", activity.UserId));
        AddIfInvalid(errors, ValidateId("organizationId", activity.OrganizationId));
        AddIfInvalid(errors, ValidateId("sessionId", activity.SessionId));
        AddIfInvalid(errors, ValidateId("moduleId", activity.ModuleId));

        if (activity.UserAgent is { Length: > MaxUserAgentLength })
        {
            errors.Add(new("userAgent", $"userAgent must be at most {MaxUserAgentLength} characters."));
        }
        else if (activity.UserAgent is not null && activity.UserAgent.Any(char.IsControl))
        {
            // PostgreSQL refuses NUL in text, and the others are no part of a user agent: a log or CSV reader would obey them.
            errors.Add(new("userAgent", "userAgent may not contain control characters (such as NUL, tab, newline or DEL)."));
        }

        if (activity.IpAddress is not null && !IsIpAddress(activity.IpAddress))
        {
            errors.Add(new("ipAddress", "ipAddress must be a valid IPv4 or IPv6 address."));
        }

        if (activity.ResponseTimeMs is { } responseTime && (!double.IsFinite(responseTime) || responseTime is < 0 or > MaxResponseTimeMs))
        {
            errors.Add(new("responseTimeMs", $"responseTimeMs must be a number of milliseconds from 0 to {MaxResponseTimeMs}."));
        }

        if (activity.IsError is not null && activity.ResponseTimeMs is null)
        {
            errors.Add(new("isError", "isError describes a request: send responseTimeMs with it."));
        }

        return errors;
    }

    /// <summary>The id rule (1–128 characters of letters, digits and <c>._:@-</c>), also for ids in URLs and filters.</summary>
    public static ValidationError? ValidateId(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new(field, $"{field} is required.");
        }

        if (value.Length > MaxIdLength)
        {
            return new(field, $"{field} must be at most {MaxIdLength} characters.");
        }

        return IdPattern().IsMatch(value) ? null : new(field, $"{field} may contain only letters, digits and . _ : @ -");
    }

    private static void AddIfInvalid(List<ValidationError> errors, ValidationError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    // IPAddress.TryParse alone accepts "1" or "1.2" as IPv4, and any text as an IPv6 zone ("fe80::1%a|b"); an
    // address here must be written out in full, in the characters of an address (the live store separates fields
    // with '|').
    private static bool IsIpAddress(string value) =>
        IpCharacters().IsMatch(value) && IPAddress.TryParse(value, out var address) &&
        (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || value.Count(c => c == '.') == 3);

    // \z, not $: $ also matches before a final newline, which would let "user\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9._:@-]+\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9.:%]+\z")]
    private static partial Regex IpCharacters();
}
