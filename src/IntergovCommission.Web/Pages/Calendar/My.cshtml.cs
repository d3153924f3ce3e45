using System.Text;
using IntergovCommission.Web.Features.Calendar;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Calendar;

/// <summary>/Calendar/My.ics: download my sessions (signed in).</summary>
public sealed class MyModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ics = await mediator.Send(new GetMyCalendar.Query(new Uri($"{Request.Scheme}://{Request.Host}")), ct);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "sessions.ics");
    }
}
