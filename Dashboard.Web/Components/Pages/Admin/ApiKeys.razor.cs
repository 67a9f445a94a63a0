using Dashboard.Web.Components.Formatting;
using Dashboard.Data.Identity;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;

namespace Dashboard.Web.Components.Pages.Admin;

/// <summary>Admins make keys and site keys (the secrets shown once), see when each was last used, and revoke them.</summary>
public sealed partial class ApiKeys
{
    private readonly HashSet<string> _scopes = [ApiKeyScopes.Read];
    private IReadOnlyList<StoredApiKey> _keys = [];
    private string? _name;
    private DateTime? _expires;
    private string? _error;
    private (string Name, string Key, string? SigningSecret)? _secret;
    private ApiKeyType _type = ApiKeyType.Api;
    private string? _origins;
    private bool _requireSignedUsers;

    [Inject]
    public required ApiKeyIssuer Issuer { get; init; }

    [Inject]
    public required CircuitAuditActor Actor { get; init; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _keys = await Issuer.ListAsync(CancellationToken.None);

    private void Toggle(string scope, bool on)
    {
        if (on)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes.Remove(scope);
        }
    }

    private async Task CreateAsync()
    {
        var me = await Actor.GetAsync();
        DateTimeOffset? expires = _expires is { } date ? new DateTimeOffset(date.Date, TimeSpan.Zero) : null;
        var (key, secret, errors) = _type == ApiKeyType.Site
            ? await Issuer.CreateSiteAsync(_name, (_origins ?? "").Split(','), _requireSignedUsers, expires, me, CancellationToken.None)
            : await Issuer.CreateAsync(_name, [.. _scopes], expires, me, CancellationToken.None);
        _error = key is null ? string.Join(" ", errors.Select(error => error.Message)) : null;
        _secret = key is null ? null : (key.Name, secret!, key.SigningSecret);
        _name = key is null ? _name : null;
        await LoadAsync();
    }

    private async Task RevokeAsync(StoredApiKey key)
    {
        await Issuer.RevokeAsync(key.Id, await Actor.GetAsync(), CancellationToken.None);
        await LoadAsync();
    }

    /// <summary>How this viewer reads times (their zone, or UTC), cascaded by the layout.</summary>
    [CascadingParameter]
    public DisplayFormat Format { get; set; } = DisplayFormat.Utc;

    private string Time(DateTimeOffset at) => Format.Minute(at);
}
