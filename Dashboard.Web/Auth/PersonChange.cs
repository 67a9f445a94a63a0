using Dashboard.Core.Tracking;
using Dashboard.Data.Identity;

namespace Dashboard.Web.Auth;

/// <summary>A change to a person: how it ended, the person as they are now, and what was wrong with the input.</summary>
public sealed record PersonChange(PersonChangeOutcome Outcome, DashboardUser? User, IReadOnlyList<ValidationError> Errors)
{
    public static PersonChange Done(DashboardUser user) => new(PersonChangeOutcome.Done, user, []);

    public static PersonChange Invalid(IReadOnlyList<ValidationError> errors) => new(PersonChangeOutcome.Invalid, null, errors);

    public static readonly PersonChange NotFound = new(PersonChangeOutcome.NotFound, null, []);

    public static readonly PersonChange AlreadyExists = new(PersonChangeOutcome.AlreadyExists, null, []);

    public static readonly PersonChange LastAdmin = new(PersonChangeOutcome.LastAdmin, null, []);

    public const string LastAdminMessage = "This is the last enabled admin: make another person an admin before disabling or demoting this one.";
}
