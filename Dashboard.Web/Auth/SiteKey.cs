using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Auth;

/// <summary>
/// What makes a key a site key: the origins whose pages may send beacons with it and, when the key requires signed
/// users, the secret a user id's signature (HMAC-SHA256, in hex) is checked with.
/// </summary>
public sealed class SiteKey(IEnumerable<string> allowedOrigins, string? signingSecret)
{
    private readonly byte[]? _secret = signingSecret is null ? null : Encoding.UTF8.GetBytes(signingSecret);

    public FrozenSet<string> AllowedOrigins { get; } = allowedOrigins.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public bool RequiresSignedUsers => _secret is not null;

    public bool Allows(string? origin) => origin is not null && AllowedOrigins.Contains(origin);

    /// <summary>Whether <paramref name="signature"/> is the hex HMAC-SHA256 of <paramref name="userId"/>; true when no signature is required.</summary>
    public bool Verifies(string userId, string? signature)
    {
        if (_secret is null)
        {
            return true;
        }

        if (signature is null || signature.Length != HMACSHA256.HashSizeInBytes * 2 || !IsHex(signature))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(userId));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature));
    }

    /// <summary>
    /// <c>https://App.example.com:443/</c> as a browser sends it in <c>Origin</c> (<c>https://app.example.com</c>);
    /// null when it is not an http(s) origin (a path, a query, another scheme).
    /// </summary>
    public static string? NormalizeOrigin(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    /// <summary>Splits a comma-separated list of origins; the ones that are not origins are returned in <paramref name="invalid"/>.</summary>
    public static IReadOnlyList<string> ParseOrigins(string? text, out IReadOnlyList<string> invalid)
    {
        var entries = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        invalid = entries.Where(entry => NormalizeOrigin(entry) is null).ToList();
        return entries.Select(NormalizeOrigin).OfType<string>().Distinct().ToList();
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
