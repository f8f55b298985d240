using System.ComponentModel.DataAnnotations;

namespace Supportal.Pages.Account;

/// <summary>The Sign Up form: contact details, a password and the support certificate's contract pair.</summary>
public sealed class RegisterInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Register.FirstName")]
    public string FirstName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Register.LastName")]
    public string LastName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Register.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Register.Company")]
    public string Company { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), Phone(ErrorMessage = "Validation.Phone"), StringLength(40, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Register.Phone")]
    public string Phone { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), StringLength(200, MinimumLength = 12, ErrorMessage = "Password.TooShort")]
    [Display(Name = "Login.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Password.Mismatch")]
    [Display(Name = "Register.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";

    [Display(Name = "Register.Language")]
    public string Language { get; set; } = "en";

    [Required(ErrorMessage = "Validation.Required"), StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Register.ContractNumber")]
    public string ContractNumber { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Register.ActivationCode")]
    public string ActivationCode { get; set; } = "";
}
