namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A browser's cookies for one site, shared by clients of several addresses (instances, or a load balancer), sent
/// whatever the scheme: outside Development the sign-in cookie is Secure, and a CookieContainer keeps a Secure cookie
/// from the plain-http test servers.
/// </summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>A client of <paramref name="address"/> that sends this jar's cookies and keeps what it is given, never following redirects.</summary>
    public HttpClient Client(Uri address) => new(new JarHandler(this)) { BaseAddress = address };

    /// <summary>Sets a cookie as if a server had, e.g. the load balancer's sticky cookie to pick an instance.</summary>
    public void Set(string name, string value)
    {
        lock (_cookies)
        {
            _cookies[name] = value;
        }
    }

    public bool Has(string name)
    {
        lock (_cookies)
        {
            return _cookies.ContainsKey(name);
        }
    }

    private sealed class JarHandler(CookieJar jar) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (jar._cookies)
            {
                if (jar._cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", jar._cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
                }
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                lock (jar._cookies)
                {
                    foreach (var value in values)
                    {
                        var pair = value.Split(';', 2)[0].Split('=', 2);
                        if (pair.Length == 2 && pair[1].Length > 0 && !value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                        {
                            jar._cookies[pair[0].Trim()] = pair[1];
                        }
                        else
                        {
                            jar._cookies.Remove(pair[0].Trim());
                        }
                    }
                }
            }

            return response;
        }
    }
}
