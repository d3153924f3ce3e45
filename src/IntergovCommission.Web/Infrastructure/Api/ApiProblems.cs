using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>
/// RFC 9457 problem details for the API: validation errors per field (400), rule refusals with
/// the rule id (422, or 403 when the rule forbids the actor), 404, 409; messages in the request's
/// language (Accept-Language, ?culture=, or the culture cookie).
/// </summary>
public sealed class ApiExceptionFilter(IStringLocalizer<SharedResource> text) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InputValidationException ex)
        {
            return Problem(context.HttpContext, StatusCodes.Status400BadRequest, text["Api.Problem.Validation"], text["Api.Problem.ValidationDetail"], null,
                ex.Errors.ToDictionary(e => string.IsNullOrEmpty(e.Key) ? "$" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value.Select(m => text[m].Value).ToArray()));
        }
        catch (RuleViolationException ex)
        {
            var localized = text[ex.Key, Ui.LocalizeArguments(ex.Arguments)];
            return Problem(context.HttpContext, StatusCodes.Status422UnprocessableEntity, text["Api.Problem.Rule"], localized.ResourceNotFound ? ex.Message : localized.Value, ex.RuleId);
        }
        catch (ForbiddenException ex)
        {
            return Problem(context.HttpContext, StatusCodes.Status403Forbidden, text["Error.403.Title"], ex.Localize(text), ex.RuleId);
        }
        catch (NotFoundException)
        {
            return Problem(context.HttpContext, StatusCodes.Status404NotFound, text["Error.404.Title"], text["Error.404.Text"], null);
        }
        catch (ConflictException ex)
        {
            return Problem(context.HttpContext, StatusCodes.Status409Conflict, text["Api.Problem.Conflict"], text[ex.Message].Value, null);
        }
    }

    internal static IResult Problem(HttpContext http, int status, string title, string detail, string? rule, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://intergov.example/problems/{status}";
        problem.Instance = http.Request.Path;
        problem.Extensions["correlationId"] = http.TraceIdentifier;
        if (rule is not null)
        {
            problem.Extensions["rule"] = rule;
        }

        return Results.Problem(problem);
    }
}

/// <summary>
/// A write sent with the browser's cookie (not a token) must carry the antiforgery token in the
/// RequestVerificationToken header, so a foreign site cannot make a signed-in browser act.
/// </summary>
public sealed class CookieAntiforgeryFilter(Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        // Only a browser session carries ambient credentials; anonymous calls (public verification) and tokens need no antiforgery token.
        if (unsafeMethod && http.User.Identity?.IsAuthenticated == true && http.User.Identity.AuthenticationType != PersonalAccessTokenHandler.SchemeName)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException)
            {
                return ApiExceptionFilter.Problem(http, StatusCodes.Status400BadRequest, "Antiforgery", "A write with the browser session needs the RequestVerificationToken header; integrations use a personal access token.", null);
            }
        }

        return await next(context);
    }
}
