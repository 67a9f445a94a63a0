namespace Dashboard.Web.Api.Contracts;

/// <summary><c>DELETE alerts/rules/{id}</c>: the rule that was deleted or put back to its configuration.</summary>
public sealed record RuleDeletedData(string Id, bool Deleted);
