namespace Dashboard.Web.Api.Contracts;

/// <summary><c>PUT users/{user_name}</c>: any of a new role, a reset password (to be changed at the next sign-in), disabled or enabled.</summary>
public sealed record UserChangeRequest(string? Role, string? Password, bool? Disabled);
