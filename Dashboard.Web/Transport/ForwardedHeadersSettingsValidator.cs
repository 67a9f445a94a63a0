using System.Net;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Transport;

/// <summary>Refuses, at start, a proxy address or network that does not parse; lists every one.</summary>
public sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var errors = options.Proxies.Where(proxy => !IPAddress.TryParse(proxy, out _))
            .Select(proxy => $"{ForwardedHeadersSettings.SectionName}:KnownProxies has \"{proxy}\", which is not an IP address.")
            .Concat(options.Networks.Where(network => !IPNetwork.TryParse(network, out _))
                .Select(network => $"{ForwardedHeadersSettings.SectionName}:KnownNetworks has \"{network}\", which is not a network such as 10.0.0.0/8."))
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
