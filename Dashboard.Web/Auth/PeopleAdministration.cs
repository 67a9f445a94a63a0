using System.Security.Cryptography;
using Dashboard.Core.Tracking;
using Dashboard.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Auth;

/// <summary>
/// What admins do to people, for the API and the <c>/admin/users</c> page alike: list, create with a role, change the
/// role, reset a password (to be changed at the next sign-in), disable or enable.
/// </summary>
public sealed class PeopleAdministration(UserManager<DashboardUser> users)
{
    public const int MaxUserNameLength = 64;

    public async Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken) =>
        await users.Users.OrderBy(user => user.UserName).ToListAsync(cancellationToken);

    /// <summary>Adds a person; with <paramref name="mustChangePassword"/>, the password is one to hand over, replaced at the first sign-in.</summary>
    public async Task<PersonChange> CreateAsync(string? userName, string? password, string? role, bool mustChangePassword = false)
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
        var result = await users.CreateAsync(user, password!);
        return result.Succeeded ? PersonChange.Done(user) : PersonChange.Invalid(IdentityErrors(result));
    }

    /// <summary>Changes what is given: the role, a reset password (which the person must change at the next sign-in), disabled.</summary>
    public async Task<PersonChange> ChangeAsync(string userName, string? role, string? password, bool? disabled)
    {
        var errors = new List<ValidationError>();
        ValidateRole(role, required: false, errors);
        if (errors.Count > 0)
        {
            return PersonChange.Invalid(errors);
        }

        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return PersonChange.NotFound;
        }

        if (password is not null)
        {
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!reset.Succeeded)
            {
                return PersonChange.Invalid(IdentityErrors(reset));
            }

            user.MustChangePassword = true;
        }

        user.Role = role ?? user.Role;
        user.IsDisabled = disabled ?? user.IsDisabled;
        await users.UpdateAsync(user);
        return PersonChange.Done(user);
    }

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
