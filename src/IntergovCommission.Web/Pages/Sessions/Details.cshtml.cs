using IntergovCommission.Web.Features.Documents;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Sessions;

public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    /// <summary>Open, close or cancel (with a reason).</summary>
    [BindProperty]
    public ChangeSessionState.Command Data { get; set; } = new();

    public GetSession.Result Session { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        await mediator.Send(Data, ct);
        TempData["Notice"] = text["Sessions.StepDone." + Data.Step].Value;
        return Redirect($"/Sessions/Details/{id}");
    }

    /// <summary>The approved agenda (KZRU-11) as a bilingual PDF; a refusal comes back on this page.</summary>
    public async Task<IActionResult> OnGetAgendaPdfAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        return Pdf(await mediator.Send(new GetAgendaPdf.Query(id), ct));
    }

    /// <summary>The minutes of a session in progress or held, as a bilingual PDF.</summary>
    public async Task<IActionResult> OnGetMinutesPdfAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        return Pdf(await mediator.Send(new GetMinutesPdf.Query(id), ct));
    }

    /// <summary>The decisions made at the session (current versions), for those who read its documents.</summary>
    public IReadOnlyList<Features.Decisions.ListSessionDecisions.Row> Decisions { get; private set; } = [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Session = await mediator.Send(new GetSession.Query(Data.SessionId), cancellationToken);
        if (Session.Viewer.ReadsDocuments && Session.State is Domain.Sessions.SessionState.InProgress or Domain.Sessions.SessionState.Closed)
        {
            Decisions = await mediator.Send(new Features.Decisions.ListSessionDecisions.Query(Data.SessionId), cancellationToken);
        }
    }

    private FileContentResult Pdf(PdfFile file)
    {
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, PdfFile.ContentType, file.FileName);
    }
}
