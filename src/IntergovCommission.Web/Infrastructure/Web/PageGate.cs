using IntergovCommission.Web.Infrastructure.Mediator;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>
/// A form is shown only to whoever may send it: the page asks the command's own authorizer (the same rule
/// the handler applies when the form is posted, so there is one rule and it stays the gate). A refusal
/// throws <see cref="ForbiddenException"/>, which the page filter turns into the 403 page with its reason.
/// </summary>
public static class PageGate
{
    public static async Task RequireAllowedAsync<TCommand>(HttpContext http, TCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var actor = await http.RequestServices.GetRequiredService<IActorAccessor>().GetActorAsync(cancellationToken);
        var authorizers = http.RequestServices.GetServices<IAuthorizer<TCommand>>().ToList();
        if (authorizers.Count == 0)
        {
            throw new ForbiddenException($"{typeof(TCommand).Name} has no authorization rule; refused by default.");
        }

        foreach (var authorizer in authorizers)
        {
            await authorizer.AuthorizeAsync(command, actor, cancellationToken);
        }
    }
}

/// <summary>
/// Every page under /Admin is the administrators' (the whole folder, by convention in AppSetup): a user who is
/// not one gets the 403 page before any handler runs, whatever the handler's own use case would allow them
/// (revoking one's own token is for /Api/Tokens, not for the administration page).
/// </summary>
public sealed class AdministratorsOnlyPageFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var services = context.HttpContext.RequestServices;
        var actor = await services.GetRequiredService<IActorAccessor>().GetActorAsync(context.HttpContext.RequestAborted);
        if (!actor.IsAdministrator)
        {
            var text = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource>>();
            context.HttpContext.Items["refusal"] = text["Only an administrator may do this."].Value;
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
