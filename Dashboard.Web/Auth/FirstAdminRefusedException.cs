namespace Dashboard.Web.Auth;

/// <summary>Identity refused the first admin as configured (a password too short, say): a setting to fix, not an outage to wait out.</summary>
public sealed class FirstAdminRefusedException(string message) : Exception(message);
