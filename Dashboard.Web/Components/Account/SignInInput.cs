using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Components.Account;

/// <summary>What the sign-in form posts.</summary>
public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";
}
