using System.Security.Cryptography;

namespace Dashboard.Web.Transport;

/// <summary>
/// The pages' Content-Security-Policy: scripts from the app itself and the few inline ones it renders (the import map,
/// the sign-in pages' theme) by a nonce made for the request; no eval. Styles may be inline: MudBlazor and ApexCharts
/// set style attributes and elements. No page may be framed.
/// </summary>
public static class ContentSecurityPolicy
{
    private const string NonceKey = "Dashboard.CspNonce";

    private const string Rest = "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>The policy of a response that rendered no inline script (the API's answers, static files).</summary>
    public const string WithoutNonce = "default-src 'self'; script-src 'self'; " + Rest;

    /// <summary>The request's nonce, made when a page first asks for it (so answers without a page cost nothing).</summary>
    public static string NonceOf(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex: nothing in it is escaped in the markup, so the attribute reads as the header says.
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static string For(HttpContext context) => context.Items[NonceKey] is string nonce
        ? $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; {Rest}"
        : WithoutNonce;
}
