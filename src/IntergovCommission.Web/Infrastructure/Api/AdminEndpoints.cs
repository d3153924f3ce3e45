using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the administration endpoints.</summary>
public static class AdminApiBodies
{
    /// <param name="NewPassword">The new password (meets the policy); never stored or logged in clear.</param>
    public sealed record ResetPasswordBody(string? NewPassword);

    public sealed record Created(Guid Id);

    public sealed record Revoked(int Count);
}

/// <summary>
/// /api/v1 endpoints for an administrator's token: create a commission, manage sign-ins (list, create,
/// disable, unlock, reset the password) and another user's access tokens. The /Admin/Users and
/// /Commissions/Create pages send the same use cases; each refuses anyone but an administrator.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdministrationApi(this RouteGroupBuilder api)
    {
        api.MapPost("/commissions", async (CreateCommission.Command command, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(command, ct);
                return Results.Created($"/api/v1/commissions/{id}/profile", new AdminApiBodies.Created(id));
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithTags("Commissions").WithName("CreateCommission")
            .WithSummary("An administrator creates a commission: code, names, regulation profile and at least two sides with their time zones.");

        var users = api.MapGroup("/admin/users").WithTags("Administration");
        users.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListUsers.Query(), ct))
            .WithName("ListUsers").WithSummary("Every sign-in with its person, administrator flag, second factor and lockout state: an administrator.");
        users.MapGet("/{userId:guid}", async (Guid userId, IMediator m, CancellationToken ct) =>
                (await m.Send(new ListUsers.Query(), ct)).SingleOrDefault(u => u.Id == userId) ?? throw new NotFoundException("User", userId))
            .WithName("GetUser").WithSummary("One sign-in, as the list shows it: an administrator.");
        users.MapPost("/", async (CreateUser.Command command, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(command, ct);
                return Results.Created($"/api/v1/admin/users/{id}", new AdminApiBodies.Created(id));
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateUser").WithSummary("An administrator creates a sign-in, linked to a person without one (or to none), with an initial password.");
        users.MapPost("/{userId:guid}/disable", async (Guid userId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DisableSignIn.Command(userId), ct);
                return Results.NoContent();
            })
            .WithName("DisableSignIn").WithSummary("Stop a user signing in (and their tokens working); never yourself, never the last administrator (ADM-01, ADM-02).");
        users.MapPost("/{userId:guid}/unlock", async (Guid userId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new UnlockUser.Command(userId), ct);
                return Results.NoContent();
            })
            .WithName("UnlockUser").WithSummary("Let a user sign in again: ends a lockout after failed attempts or re-enables a disabled sign-in.");
        users.MapPost("/{userId:guid}/password", async (Guid userId, AdminApiBodies.ResetPasswordBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ResetUserPassword.Command { UserId = userId, NewPassword = body.NewPassword }, ct);
                return Results.NoContent();
            })
            .WithName("ResetUserPassword").WithSummary("Set a new password for a user: their open sessions end and all their access tokens are revoked.");
        users.MapGet("/{userId:guid}/tokens", (Guid userId, IMediator m, CancellationToken ct) => m.Send(new ListUserAccessTokens.Query(userId), ct))
            .WithName("ListUserTokens").WithSummary("A user's access tokens (never a secret): an administrator. Revoke one with DELETE /tokens/{tokenId}.");
        users.MapDelete("/{userId:guid}/tokens", async (Guid userId, IMediator m, CancellationToken ct) =>
                new AdminApiBodies.Revoked(await m.Send(new RevokeUserAccessTokens.Command(userId), ct)))
            .WithName("RevokeUserTokens").WithSummary("Revoke every usable access token of a user at once: an administrator.");
        api.MapGet("/admin/people-without-account", (IMediator m, CancellationToken ct) => m.Send(new ListPeopleWithoutAccount.Query(), ct))
            .WithTags("Administration").WithName("ListPeopleWithoutAccount").WithSummary("People on a roster who have no sign-in yet: the choices for personId when creating a user.");
    }
}
