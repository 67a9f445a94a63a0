namespace Dashboard.Web.Api.Contracts;

/// <summary><c>POST users</c>: a new person, their first password and role (<c>viewer</c> or <c>admin</c>).</summary>
public sealed record UserRequest(string? UserName, string? Password, string? Role);
