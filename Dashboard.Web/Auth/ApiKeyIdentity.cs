namespace Dashboard.Web.Auth;

/// <summary>Who a valid key acts as: its name and its scopes.</summary>
public sealed record ApiKeyIdentity(string Name, IReadOnlyList<string> Scopes);
