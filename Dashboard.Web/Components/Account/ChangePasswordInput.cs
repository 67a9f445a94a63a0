using System.ComponentModel.DataAnnotations;
using Dashboard.Web.Auth;

namespace Dashboard.Web.Components.Account;

/// <summary>What the change-password form posts.</summary>
public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter a new password.")]
    [MinLength(AuthOptionsValidator.MinPasswordLength, ErrorMessage = "The new password must be at least 12 characters.")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}
