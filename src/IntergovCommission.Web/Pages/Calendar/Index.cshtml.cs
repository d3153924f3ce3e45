using IntergovCommission.Web.Features.Calendar;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Calendar;

/// <summary>/Calendar: download my sessions, and manage my secret feed address (create, regenerate, revoke).</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetCalendarFeedStatus.Result Status { get; private set; } = new(false, null);

    /// <summary>The feed address, shown only right after it is created (only its hash is stored).</summary>
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Status = await mediator.Send(new GetCalendarFeedStatus.Query(), ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var secret = await mediator.Send(new IssueCalendarFeed.Command(), ct);
        FeedUrl = $"{Request.Scheme}://{Request.Host}/Calendar/Feed/{secret}.ics";
        Status = await mediator.Send(new GetCalendarFeedStatus.Query(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await mediator.Send(new RevokeCalendarFeed.Command(), ct);
        return RedirectToPage();
    }
}
