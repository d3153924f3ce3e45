using System.Text;
using IntergovCommission.Web.Features.Calendar;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Calendar;

/// <summary>/Calendar/Feed/{token}.ics: the secret feed for calendar apps; the token is the credential.</summary>
[AllowAnonymous]
public sealed class FeedModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var ics = await mediator.Send(new GetFeedCalendar.Query(token, new Uri($"{Request.Scheme}://{Request.Host}")), ct);
        Response.Headers.CacheControl = "private, no-store";
        return Content(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
    }
}
