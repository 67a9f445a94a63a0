using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Auth;

/// <summary>The SHA-256 of a key, in hex: what is kept and compared, never the key itself.</summary>
public static class ApiKeyHash
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
