namespace Dashboard.Core.Alerts;

/// <summary>Where a rule looks: the whole platform, one module or one organization (concurrency rules only).</summary>
public sealed record AlertScope(string Kind, string? Id)
{
    public static readonly AlertScope Overall = new("overall", null);

    public static AlertScope Module(string moduleId) => new("module", moduleId);

    public static AlertScope Organization(string organizationId) => new("organization", organizationId);

    /// <summary>As stored and shown: <c>overall</c>, <c>module:tax</c>, <c>organization:acme</c>.</summary>
    public override string ToString() => Id is null ? Kind : $"{Kind}:{Id}";

    public static AlertScope Parse(string value)
    {
        var separator = value.IndexOf(':', StringComparison.Ordinal);
        return separator < 0 ? new(value, null) : new(value[..separator], value[(separator + 1)..]);
    }
}
