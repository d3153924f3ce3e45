using System.Security.Claims;
using System.Threading.RateLimiting;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Features.People;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the token and notification endpoints.</summary>
public static class TokenApiBodies
{
    /// <param name="Name">The successor's name (the predecessor's when empty).</param>
    /// <param name="ExpiresInDays">1 to 366 (90 when absent).</param>
    /// <param name="RevokeCurrent">Revoke the predecessor in the same call (default false: it keeps until its expiry).</param>
    public sealed record SuccessorBody(string? Name, int? ExpiresInDays, bool? RevokeCurrent);
}

public static class NotificationApiBodies
{
    public sealed record NotificationList(int Unread, IReadOnlyList<Notification> Items);

    /// <param name="Text">The notification in the request's language.</param>
    public sealed record Notification(Guid Id, string Kind, string Text, string TextKey, string[] Arguments, string? Link, DateTimeOffset CreatedAt, bool IsRead);

    public sealed record MarkedResult(int Marked);
}

/// <summary>
/// The integration API, /api/v1: the very same MediatR use cases the pages send, over JSON.
/// Authentication by the browser cookie or a personal access token; errors as problem details.
/// </summary>
public static class ApiEndpoints
{
    public const string Policy = "api";
    public const string RateLimitPolicy = "api";

    public static IServiceCollection AddIntegrationApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, PersonalAccessTokenHandler.SchemeName)
                .RequireAuthenticatedUser());
        var permitPerMinute = configuration.GetValue("Api:RateLimit:PermitPerMinute", 600);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // One window per user, whatever token or cookie they send: more tokens never buy more requests.
            // With Redis configured, the window is counted there for every instance together (ScaleOut).
            options.AddPolicy(RateLimitPolicy, http => ScaleOut.ApiPartition(http, RateLimitPartitionKey(http), permitPerMinute));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        // Unreadable requests (malformed JSON, a wrong type in the query or route) throw in every environment, so
        // ErrorResponsesMiddleware answers one problem document naming what could not be read (not a bare 400,
        // and not the developer page's 500 in Development).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddIntegrationApiDocument(configuration);
        return services;
    }

    /// <summary>The rate-limit partition: the user behind the token or cookie; the client address when anonymous.</summary>
    public static string RateLimitPartitionKey(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? "user:" + userId
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    public static void MapIntegrationApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter<ApiExceptionFilter>()
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .WithTags("v1");

        api.MapGet("/me", async (IActorAccessor actors, CancellationToken ct) =>
        {
            var actor = await actors.GetActorAsync(ct);
            return Results.Ok(new { actor.UserId, actor.UserName, actor.PersonId, actor.IsAdministrator, actor.Memberships });
        }).WithTags("Caller").WithName("Me").WithSummary("Who the token or cookie acts as, and their memberships.");
        api.MapGet("/me/work", (IMediator m, CancellationToken ct) => m.Send(new IntergovCommission.Web.Features.Home.GetMyWork.Query(), ct))
            .WithTags("Caller").WithName("MyWork")
            .WithSummary("What needs the caller now (issue 15): the vote open for them (link to the ballot), decisions awaiting their signature or approval, agendas and proposals awaiting them, their next session, their overdue assignments; timeZoneId is the caller's own zone.");
        api.MapGet("/me/settings", (IMediator m, CancellationToken ct) => m.Send(new IntergovCommission.Web.Features.Account.GetMySettings.Query(), ct))
            .WithTags("Caller").WithName("MySettings").WithSummary("The caller's time zone (null: their side's) and the notification kinds that come by e-mail.");
        api.MapPut("/me/settings", async (IntergovCommission.Web.Features.Account.SaveMySettings.Command body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(body, ct);
                return Results.NoContent();
            })
            .WithTags("Caller").WithName("SaveMySettings").WithSummary("Set the caller's time zone (an IANA id; empty: their side's) and the notification kinds (emailKinds) that also come by e-mail.");

        var commissions = api.MapGroup("/commissions").WithTags("Commissions");
        commissions.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListCommissions.Query(), ct))
            .WithName("ListCommissions").WithSummary("Commissions the caller sits on (all for an administrator).");
        commissions.MapGet("/{commissionId:guid}/roster", (Guid commissionId, bool? includeEnded, IMediator m, CancellationToken ct) =>
                m.Send(new GetRoster.Query(commissionId, includeEnded ?? false), ct))
            .WithName("GetRoster").WithSummary("Roster grouped by side and role, with the quorum it implies (KZRU-01, KZRU-16).");
        commissions.MapGet("/{commissionId:guid}/profile", (Guid commissionId, IMediator m, CancellationToken ct) => m.Send(new GetProfile.Query(commissionId), ct))
            .WithName("GetProfile").WithSummary("The regulation profile the commission runs under.");
        commissions.MapPost("/{commissionId:guid}/memberships", async (Guid commissionId, AddMembership.Command command, IMediator m, CancellationToken ct) =>
            {
                command.CommissionId = commissionId;
                var id = await m.Send(command, ct);
                return Results.Created($"/api/v1/memberships/{id}", new { id });
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("AddMembership").WithSummary("Appoint a person (KZRU-01/02): the secretary of that side or an administrator.");

        var memberships = api.MapGroup("/memberships").WithTags("Memberships");
        memberships.MapGet("/{membershipId:guid}", (Guid membershipId, IMediator m, CancellationToken ct) => m.Send(new GetMembership.Query(membershipId), ct))
            .WithName("GetMembership").WithSummary("A membership with the form to change it (its version included): the secretary of its side or an administrator.");
        memberships.MapPut("/{membershipId:guid}", async (Guid membershipId, EditMembership.Command command, IMediator m, CancellationToken ct) =>
            {
                command.MembershipId = membershipId;
                await m.Send(command, ct);
                return Results.NoContent();
            })
            .WithName("EditMembership").WithSummary("Change a membership; send the version you read (409 when someone saved first).");
        memberships.MapPost("/{membershipId:guid}/end", async (Guid membershipId, EndMembership.Command command, IMediator m, CancellationToken ct) =>
            {
                command.MembershipId = membershipId;
                await m.Send(command, ct);
                return Results.NoContent();
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("EndMembership").WithSummary("End a membership with a date and a reason; it stays in the history.");

        api.MapGet("/people/{personId:guid}", (Guid personId, IMediator m, CancellationToken ct) => m.Send(new GetPerson.Query(personId), ct))
            .WithTags("People").WithName("GetPerson").WithSummary("A person's names and contacts, for the commissions they sit on.");

        var tokens = api.MapGroup("/tokens").WithTags("Access tokens");
        tokens.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListAccessTokens.Query(), ct))
            .WithName("ListTokens").WithSummary("The caller's own access tokens (names, prefixes, dates; never a secret).");
        tokens.MapPost("/{tokenId:guid}/successor", (Guid tokenId, TokenApiBodies.SuccessorBody body, IMediator m, CancellationToken ct) =>
                m.Send(new RotateAccessToken.Command
                {
                    TokenId = tokenId,
                    Name = body?.Name,
                    ExpiresInDays = body?.ExpiresInDays ?? 90,
                    RevokeCurrent = body?.RevokeCurrent ?? false,
                }, ct))
            .WithName("RotateToken")
            .WithSummary("Rotate: create the successor of one of your usable tokens (secret shown once). The old token keeps working until its expiry unless revokeCurrent is true.");
        tokens.MapDelete("/{tokenId:guid}", async (Guid tokenId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RevokeAccessToken.Command(tokenId), ct);
                return Results.NoContent();
            })
            .WithName("RevokeToken").WithSummary("Revoke a token at once: your own (an administrator: anyone's).");
        tokens.MapDelete("/", async (IActorAccessor actors, IMediator m, CancellationToken ct) =>
            {
                var actor = await actors.GetActorAsync(ct);
                return new AdminApiBodies.Revoked(await m.Send(new RevokeUserAccessTokens.Command(actor.UserId ?? Guid.Empty), ct));
            })
            .WithName("RevokeMyTokens").WithSummary("Revoke every usable token of your own at once (the one sending this too).");

        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", async (int? take, IMediator m, IStringLocalizer<SharedResource> text, CurrentZone zones, CancellationToken ct) =>
            {
                var result = await m.Send(new ListNotifications.Query(take ?? 50), ct);
                var zone = await zones.GetAsync(ct);
                return new NotificationApiBodies.NotificationList(result.Unread, [.. result.Items.Select(n => new NotificationApiBodies.Notification(
                    n.Id, n.Kind, text[n.TextKey, NotificationText.Arguments(n.Arguments, zone)].Value, n.TextKey, n.Arguments, n.Link, n.CreatedAt, n.IsRead))]);
            })
            .WithName("ListNotifications").WithSummary("The caller's notifications, newest first (?take=, at most 200), with the unread count; text in the request's language.");
        notifications.MapPost("/{notificationId:guid}/read", async (Guid notificationId, IMediator m, CancellationToken ct) =>
                new NotificationApiBodies.MarkedResult(await m.Send(new MarkNotificationsRead.Command(notificationId), ct)))
            .WithName("MarkNotificationRead").WithSummary("Mark one of your notifications read; marked is 0 when it was already read or is not yours.");
        notifications.MapPost("/read", async (IMediator m, CancellationToken ct) =>
                new NotificationApiBodies.MarkedResult(await m.Send(new MarkNotificationsRead.Command(null), ct)))
            .WithName("MarkAllNotificationsRead").WithSummary("Mark all your notifications read.");

        api.MapAdministrationApi();
        api.MapSessionApi();
        api.MapDecisionApi();
        api.MapCouncilApi();
        api.MapExecutionApi();
        api.MapTreatyApi();
        api.MapAuditApi();
        api.MapRecordsApi();
        api.MapSearchApi();
    }

    /// <summary>The cookie scheme answers 401/403 to API calls instead of redirecting to the sign-in page.</summary>
    public static void ApiAwareRedirects(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions options)
    {
        options.Events.OnRedirectToLogin = context =>
        {
            if (Web.ErrorResponses.IsApi(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            if (Web.ErrorResponses.IsApi(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
    }
}

