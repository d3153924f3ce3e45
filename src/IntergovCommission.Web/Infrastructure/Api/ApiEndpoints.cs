using System.Security.Claims;
using System.Threading.RateLimiting;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Features.People;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IntergovCommission.Web.Infrastructure.Api;

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
            options.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirstValue(PersonalAccessTokenHandler.TokenIdClaim)
                    ?? http.User.FindFirstValue(ClaimTypes.NameIdentifier)
                    ?? http.Connection.RemoteIpAddress?.ToString()
                    ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
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
        services.AddOpenApi("v1");
        return services;
    }

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
        }).WithName("Me").WithSummary("Who the token or cookie acts as, and their memberships.");

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
            .WithName("GetMembership");
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
            .WithTags("People").WithName("GetPerson");

        var tokens = api.MapGroup("/tokens").WithTags("Access tokens");
        tokens.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListAccessTokens.Query(), ct)).WithName("ListTokens");
        tokens.MapDelete("/{tokenId:guid}", async (Guid tokenId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RevokeAccessToken.Command(tokenId), ct);
                return Results.NoContent();
            })
            .WithName("RevokeToken").WithSummary("Revoke a token at once.");

        api.MapSessionApi();
        api.MapDecisionApi();
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

