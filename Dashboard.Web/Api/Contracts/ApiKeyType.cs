namespace Dashboard.Web.Api.Contracts;

/// <summary>A key for machines (<see cref="Api"/>, secret, scoped) or for the tracker snippet (<see cref="Site"/>, public, bound to origins).</summary>
public enum ApiKeyType
{
    Api,
    Site,
}
