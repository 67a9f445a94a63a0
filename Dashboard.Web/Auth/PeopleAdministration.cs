using System.Security.Cryptography;
using Dashboard.Core.Tracking;
using Dashboard.Data;
using Dashboard.Data.Audit;
using Dashboard.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Auth;

/// <summary>
/// What admins do to people, for the API and the <c>/admin/users</c> page alike: list, create with a role, change the
/// role, reset a password (to be changed at the next sign-in), disable or enable. Each change and its audit row are
/// one transaction on the context Identity's store uses; the last enabled admin cannot be disabled or demoted.
/// </summary>
public sealed class PeopleAdministration(UserManager<DashboardUser> users, HistoryDbContext database, TimeProvider time)
{
    public const int MaxUserNameLength = 64;

    // The advisory lock's key: "people" in ASCII.
    private const long PeopleLock = 0x70656f706c65;

    public async Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken) =>
        await users.Users.OrderBy(user => user.UserName).ToListAsync(cancellationToken);

    /// <summary>Adds a person; with <paramref name="mustChangePassword"/>, the password is one to hand over, replaced at the first sign-in.</summary>
    public async Task<PersonChange> CreateAsync(string? userName, string? password, string? role, AuditActor actor, bool mustChangePassword = false)
    {
        var errors = new List<ValidationError>();
        userName = userName?.Trim();
        if (string.IsNullOrEmpty(userName) || userName.Length > MaxUserNameLength || !userName.All(IsUserNameCharacter))
        {
            errors.Add(new("user_name", $"user_name is required: 1 to {MaxUserNameLength} letters, digits and . _ - @."));
        }

        if (password is null)
        {
            errors.Add(new("password", $"password is required: at least {AuthOptionsValidator.MinPasswordLength} characters."));
        }

        ValidateRole(role, required: true, errors);
        if (errors.Count > 0)
        {
            return PersonChange.Invalid(errors);
        }

        if (await users.FindByNameAsync(userName!) is not null)
        {
            return PersonChange.AlreadyExists;
        }

        var user = new DashboardUser { UserName = userName, Role = role!, MustChangePassword = mustChangePassword };
        // Identity's CreateAsync saves the context, and with it the audit row added first: one transaction.
        database.AuditLog.Add(actor.Entry(time.GetUtcNow(), AuditActions.UserCreated, userName, new { Role = role }));
        var result = await users.CreateAsync(user, password!);
        if (!result.Succeeded)
        {
            database.ChangeTracker.Clear();
            return PersonChange.Invalid(IdentityErrors(result));
        }

        return PersonChange.Done(user);
    }

    /// <summary>
    /// Changes what is given: the role, a reset password (which the person must change at the next sign-in), disabled.
    /// A change of role, password or state also changes the security stamp, so the person's cookie stops working.
    /// </summary>
    public async Task<PersonChange> ChangeAsync(string userName, string? role, string? password, bool? disabled, AuditActor actor)
    {
        var errors = new List<ValidationError>();
        ValidateRole(role, required: false, errors);
        if (errors.Count > 0)
        {
            return PersonChange.Invalid(errors);
        }

        await using var transaction = await database.Database.BeginTransactionAsync();
        await TakeTurnAsync();
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return PersonChange.NotFound;
        }

        var (wasRole, wasDisabled) = (user.Role, user.IsDisabled);
        var (newRole, newDisabled) = (role ?? user.Role, disabled ?? user.IsDisabled);
        if (IsEnabledAdmin(wasRole, wasDisabled) && !IsEnabledAdmin(newRole, newDisabled)
            && !await users.Users.AnyAsync(other => other.Id != user.Id && other.Role == DashboardRoles.Admin && !other.IsDisabled))
        {
            return PersonChange.LastAdmin;
        }

        var now = time.GetUtcNow();
        if (password is not null)
        {
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!reset.Succeeded)
            {
                return PersonChange.Invalid(IdentityErrors(reset));
            }

            user.MustChangePassword = true;
            database.AuditLog.Add(actor.Entry(now, AuditActions.PasswordReset, userName));
        }

        if (newRole != wasRole)
        {
            database.AuditLog.Add(actor.Entry(now, AuditActions.RoleChanged, userName, new { Before = wasRole, After = newRole }));
        }

        if (newDisabled != wasDisabled)
        {
            database.AuditLog.Add(newDisabled
                ? actor.Entry(now, AuditActions.UserDisabled, userName)
                : actor.Entry(now, AuditActions.UserChanged, userName, new { Before = new { Disabled = true }, After = new { Disabled = false } }));
        }

        (user.Role, user.IsDisabled) = (newRole, newDisabled);
        // A new stamp ends the sessions signed in under the old role or before the disabling (see CookieValidation).
        var saved = newRole != wasRole || newDisabled != wasDisabled
            ? await users.UpdateSecurityStampAsync(user)
            : await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            return PersonChange.Invalid(IdentityErrors(saved));
        }

        await transaction.CommitAsync();
        return PersonChange.Done(user);
    }

    // Two admins demoting each other at once would each see the other still an admin (PostgreSQL reads committed rows
    // only) and leave none: changes to people take turns, holding a lock until the transaction ends. SQLite's
    // transactions already do (Microsoft.Data.Sqlite begins them IMMEDIATE).
    private async Task TakeTurnAsync()
    {
        if (database.Database.IsNpgsql())
        {
            await database.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PeopleLock})");
        }
    }

    private static bool IsEnabledAdmin(string role, bool disabled) => role == DashboardRoles.Admin && !disabled;

    /// <summary>A password to hand over once, for a new person or a reset: 24 random characters.</summary>
    public static string RandomPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static void ValidateRole(string? role, bool required, List<ValidationError> errors)
    {
        if ((role is null && required) || (role is not null && !DashboardRoles.All.Contains(role)))
        {
            errors.Add(new("role", $"role must be one of: {string.Join(", ", DashboardRoles.All)}."));
        }
    }

    private static List<ValidationError> IdentityErrors(IdentityResult result) =>
        result.Errors.Select(error => new ValidationError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "user_name", error.Description)).ToList();

    private static bool IsUserNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@';
}
