using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Decisions;

/// <summary>What a signer submits: who (the signed-in user), what (the content hash shown to them) and the re-confirmation.</summary>
public sealed record SignatureRequest(Guid UserId, string ContentHash, string? Confirmation);

/// <summary>What a provider vouches for: the hash signed, the provider's name and, for qualified signatures, the signature value.</summary>
public sealed record SignatureEvidence(string Provider, string SignedHash, string? SignatureValue = null);

/// <summary>
/// A way to sign a decision's content hash (KZRU-18). The built-in provider binds the hash to the
/// signed-in person after they re-confirm who they are; a national qualified electronic signature
/// (the Kazakh NCA or a Russian accredited CA) plugs in here by implementing the same interface.
/// </summary>
public interface ISignatureProvider
{
    string Name { get; }

    /// <summary>Verifies the signer and returns the evidence; throws <see cref="InputValidationException"/> on a failed re-confirmation.</summary>
    Task<SignatureEvidence> SignAsync(SignatureRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The built-in signature: the signer re-enters their password, or the authenticator code when
/// two-factor sign-in is on; failures count towards the account lockout like a failed sign-in.
/// </summary>
public sealed class PasswordOrAuthenticatorSignatureProvider(UserManager<AppUser> users, IServiceScopeFactory scopes, IStringLocalizer<SharedResource> text) : ISignatureProvider
{
    public const string ProviderName = "intergov/password-or-totp";
    public const string ConfirmationField = "Confirmation";

    public string Name => ProviderName;

    public async Task<SignatureEvidence> SignAsync(SignatureRequest request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString()) ?? throw new ForbiddenException("Sign in first.");
        if (await users.IsLockedOutAsync(user))
        {
            throw new InputValidationException(ConfirmationField, text["Decisions.Confirm.LockedOut"]);
        }

        var given = (request.Confirmation ?? string.Empty).Trim();
        if (given.Length == 0)
        {
            throw new InputValidationException(ConfirmationField, text["Decisions.Confirm.Required"]);
        }

        var code = given.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var ok = user.TwoFactorEnabled && code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await users.CheckPasswordAsync(user, request.Confirmation ?? string.Empty);
        if (!ok)
        {
            await CountFailureAsync(request.UserId);
            throw new InputValidationException(ConfirmationField, text["Decisions.Confirm.Wrong"]);
        }

        return new SignatureEvidence(ProviderName, request.ContentHash);
    }

    /// <summary>Counted in its own scope and transaction, so the refusal that follows does not roll it back.</summary>
    private async Task CountFailureAsync(Guid userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await own.FindByIdAsync(userId.ToString()) is { } user)
        {
            await own.AccessFailedAsync(user);
        }
    }
}
