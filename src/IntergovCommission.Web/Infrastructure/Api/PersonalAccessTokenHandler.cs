using System.Security.Claims;
using System.Text.Encodings.Web;
using IntergovCommission.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>
/// "Authorization: Bearer igc_…": a personal access token. The principal it yields is the token's
/// owner (same claims as a cookie sign-in), so the use cases apply exactly the owner's rights.
/// </summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CommissionDbContext db,
    SignInAudit audit,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";
    public const string TokenIdClaim = "intergov:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return await FailedAsync(secret, "Malformed access token.");
        }

        var now = clock.GetUtcNow();
        var hash = ApiToken.Hash(secret);
        // One statement: the token, its owner's lock-out and the owner as the request's actor (issue #16).
        var found = await Web.ActorLoader.LoadByTokenAsync(db, clock, hash, Context.RequestAborted);
        var token = found?.Token;
        if (found is null || token is null || !token.IsUsableAt(now))
        {
            return await FailedAsync(secret, "The access token is unknown, expired or revoked.");
        }

        // An administrator's disabling stops the account's tokens; a password lock-out (someone guessing, or
        // anyone typing wrong passwords on purpose) does not: it would hand every passer-by a way to cut off an
        // integration, and the token is a different secret from the password being guessed.
        if (found.Value.LockoutEnd is { } lockout && lockout >= Features.Admin.Administrators.DisabledUntil)
        {
            return await FailedAsync(secret, "The token's account is disabled or gone.");
        }

        var actor = found.Value.Actor;
        var user = new { Id = token.UserId, actor.UserName };
        Context.Items[Web.ActorLoader.ItemKey] = actor;
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.UserName ?? string.Empty),
                new Claim(TokenIdClaim, token.Id.ToString()),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A refused token is a failed sign-in: audited with the token's first characters only (never the secret).</summary>
    private async Task<AuthenticateResult> FailedAsync(string secret, string reason)
    {
        var shown = secret.Length <= 8 ? "(short)" : secret[..8] + "…";
        await audit.RecordAsync(shown, "ApiToken.Failed", Context);
        return AuthenticateResult.Fail(reason);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
