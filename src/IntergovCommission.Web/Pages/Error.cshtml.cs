using IntergovCommission.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages;

/// <summary>One page for 403, 404 and 500: what happened, in words, and the correlation id to quote.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;
    public string? Refusal { get; private set; }

    /// <summary>The rule id of the refusal, when one applies: a tooltip, never the text a person reads.</summary>
    public string? RefusalRule { get; private set; }
    public string CorrelationId { get; private set; } = string.Empty;

    public void OnGet(int? code) => Fill(code);

    public void OnPost(int? code) => Fill(code);

    private void Fill(int? code)
    {
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        // Visited directly (no error happened, nothing re-executed): there is nothing to show, so 404 — never a 500.
        var direct = failure is null && reExecute is null;
        Code = direct ? (code is >= 400 and < 500 ? code.Value : 404)
            : code ?? (failure is not null ? Infrastructure.Web.ErrorResponsesMiddleware.StatusOf(failure.Error) : Response.StatusCode is >= 400 and var s ? s : 500);
        if (direct || (reExecute is null && code is not null) || code is null)
        {
            Response.StatusCode = Code;
        }

        var key = Code switch
        {
            403 => "Error.403",
            404 => "Error.404",
            400 or 413 => "Error.400",
            429 => "Error.429",
            503 => "Error.503",
            _ => "Error.500",
        };
        Title = text[key + ".Title"];
        Explanation = text[key + ".Text"];
        Refusal = HttpContext.Items["refusal"] as string;
        RefusalRule = HttpContext.Items["refusal-rule"] as string;
        CorrelationId = HttpContext.TraceIdentifier;
    }
}
