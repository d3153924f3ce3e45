using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Account;

/// <summary>ASP.NET Core Identity's messages (password policy, user names, codes) in the user's interface language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Account.Identity.DefaultError");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Account.Identity.ConcurrencyFailure");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Account.Identity.PasswordMismatch");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Account.Identity.InvalidToken");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Account.Identity.RecoveryCodeRedemptionFailed");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Account.Identity.InvalidUserName", userName ?? string.Empty);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Account.Identity.DuplicateUserName", userName);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Account.Identity.UserAlreadyHasPassword");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Account.Identity.UserLockoutNotEnabled");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Account.Identity.UserAlreadyInRole", role);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Account.Identity.UserNotInRole", role);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Account.Identity.PasswordTooShort", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "Account.Identity.PasswordRequiresUniqueChars", uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Account.Identity.PasswordRequiresNonAlphanumeric");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Account.Identity.PasswordRequiresDigit");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Account.Identity.PasswordRequiresLower");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Account.Identity.PasswordRequiresUpper");

    private IdentityError Error(string code, string key, params object[] arguments) =>
        new() { Code = code, Description = arguments.Length == 0 ? text[key] : text[key, arguments] };
}

/// <summary>Identity outcomes turned into the field → messages refusal the pages show next to the fields.</summary>
public static class IdentityOutcome
{
    /// <summary>Throws <see cref="InputValidationException"/> when <paramref name="result"/> failed, putting each message on its field.</summary>
    public static void ThrowIfFailed(IdentityResult result, string passwordField, string? currentPasswordField = null, string userNameField = "UserName")
    {
        if (result.Succeeded)
        {
            return;
        }

        throw new InputValidationException(result.Errors
            .GroupBy(e => FieldOf(e.Code, passwordField, currentPasswordField, userNameField), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The password policy's messages for a candidate password (empty when it passes), from the configured validators.</summary>
    public static async Task<IReadOnlyList<string>> PasswordPolicyFailuresAsync(UserManager<AppUser> users, string password)
    {
        var messages = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            messages.AddRange(result.Errors.Select(e => e.Description));
        }

        return messages;
    }

    private static string FieldOf(string code, string passwordField, string? currentPasswordField, string userNameField) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => currentPasswordField ?? passwordField,
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => userNameField,
        _ => string.Empty,
    };
}

/// <summary>The interface languages a user may prefer; sign-in applies the preference as the culture cookie.</summary>
public static class InterfaceLanguages
{
    public static IReadOnlyList<string> All => JsonStringLocalizer.Cultures;

    public static bool IsSupported(string? language) => language is not null && JsonStringLocalizer.Cultures.Contains(language);
}
