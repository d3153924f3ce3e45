using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>A page that can load again what it shows besides the user's input (lists, names) after a refusal.</summary>
public interface IReloadablePage
{
    Task ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Turns use-case refusals into what the user sees: validation and rule refusals go into
/// ModelState and the same page comes back with the user's input; forbidden → 403, not found → 404
/// (the status pages show the correlation id).
/// </summary>
public sealed class UseCaseExceptionFilter(IStringLocalizer<SharedResource> text) : IAsyncPageFilter
{
    public const string BoundProperty = "Data";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // A post with no handler, or one the page does not have (?handler=Nothing): there is nothing to run, and
        // rendering the page unloaded ended in a NullReferenceException (500). It is a bad request.
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        // A value that was given but cannot be read into its field ("abc" or 99999999999 for a number of days): the
        // handler runs (it sets what the page needs from the route), but the first command it sends is refused, so no
        // use case runs on the field's default (it made a 90-day token). The page comes back with the input and the
        // message next to the field (ModelState already holds it). An empty field is left to the use case's own rules.
        var unreadable = context.ModelState.Where(e => e.Value is { Errors.Count: > 0, AttemptedValue.Length: > 0 }).Select(e => e.Key).ToList();
        if (unreadable.Count > 0 && !HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            context.HttpContext.RequestServices.GetRequiredService<UnreadableInput>().Fields = unreadable;
        }

        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            return;
        }

        var modelState = executed.ModelState;
        switch (executed.Exception)
        {
            case ForbiddenException forbidden:
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                executed.HttpContext.Items["refusal"] = forbidden.Localize(text); // a message key, or the English sentence as its own key
                executed.HttpContext.Items["refusal-rule"] = forbidden.RuleId;
                executed.ExceptionHandled = true;
                return;
            case NotFoundException:
                executed.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
                executed.ExceptionHandled = true;
                return;
            case InputValidationException validation:
                var prefix = PostedForm(executed);
                foreach (var (field, messages) in validation.Errors)
                {
                    foreach (var message in messages)
                    {
                        // A message raised in code as an English sentence is its own resource key (as refusals are).
                        modelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : $"{prefix}.{field}", text[message].Value);
                    }
                }

                break;
            case RuleViolationException rule:
                var localized = text[rule.Key, Ui.LocalizeArguments(rule.Arguments)];
                modelState.AddModelError(string.Empty, localized.ResourceNotFound ? rule.Message : localized.Value);
                break;
            case ConflictException conflict:
                modelState.AddModelError(string.Empty, text[conflict.Message].Value); // the English sentence is its own resource key
                break;
            default:
                return;
        }

        if (executed.HandlerInstance is IReloadablePage reloadable)
        {
            try
            {
                await reloadable.ReloadAsync(executed.HttpContext.RequestAborted);
            }
            catch (ForbiddenException refused)
            {
                // The page itself is not theirs to see: the refusal, not a 500 from reloading it.
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                executed.HttpContext.Items["refusal"] = refused.Localize(text);
                executed.ExceptionHandled = true;
                return;
            }
            catch (NotFoundException)
            {
                executed.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
                executed.ExceptionHandled = true;
                return;
            }
        }

        executed.Result = executed.HandlerInstance is PageModel page ? page.Page() : new PageResult();
        executed.ExceptionHandled = true;
    }

    /// <summary>
    /// The bound property whose form was posted, so a field's message lands on the field that was sent: a page with
    /// several forms (the live page's dissent, referral, credentials) binds each to its own property
    /// (<c>Dissent.Text</c>), and "Data" is only the usual name of a page's one form.
    /// </summary>
    private static string PostedForm(PageHandlerExecutedContext executed)
    {
        var request = executed.HttpContext.Request;
        if (executed.HandlerInstance is null || !request.HasFormContentType)
        {
            return BoundProperty;
        }

        var type = executed.HandlerInstance.GetType();
        var bindsAll = type.IsDefined(typeof(BindPropertiesAttribute), inherit: true);
        var posted = type.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public)
            .Where(p => bindsAll || p.IsDefined(typeof(BindPropertyAttribute), inherit: true))
            .Select(p => p.Name)
            .Where(name => request.Form.Keys.Any(k => k.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return posted.Count == 1 ? posted[0] : BoundProperty;
    }
}
