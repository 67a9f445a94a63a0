namespace Dashboard.Data.Audit;

/// <summary>The actions <c>audit_log</c> records, as stored in its <c>action</c> column.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";
    public const string UserCreated = "user_created";
    public const string UserChanged = "user_changed";
    public const string UserDisabled = "user_disabled";
    public const string RoleChanged = "role_changed";
    public const string PasswordReset = "password_reset";
    public const string KeyCreated = "key_created";
    public const string KeyRevoked = "key_revoked";
    public const string RuleAdded = "rule_added";
    public const string RuleChanged = "rule_changed";
    public const string RuleDeleted = "rule_deleted";
    public const string AlertAcknowledged = "alert_acknowledged";

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignInFailed, LockedOut, UserCreated, UserChanged, UserDisabled, RoleChanged, PasswordReset,
        KeyCreated, KeyRevoked, RuleAdded, RuleChanged, RuleDeleted, AlertAcknowledged,
    ];
}
