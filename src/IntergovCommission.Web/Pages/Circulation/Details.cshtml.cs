using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Features.Circulation;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Circulation;

/// <summary>/Circulation/Details/{id}: one circulated draft (WF-04): the term, each body's answer or deemed agreement, the form to record an answer.</summary>
public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid BodyId { get; set; }

    [BindProperty]
    public ApprovalStanding? Answer { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public DateOnly? ReceivedOn { get; set; }

    [BindProperty]
    public uint? Version { get; set; }

    public GetCirculation.Result Circulation { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        await mediator.Send(new RecordCirculationAnswer.Command { CirculationId = Id, BodyId = BodyId, Answer = Answer, Text = Text, ReceivedOn = ReceivedOn, Version = Version }, ct);
        TempData["Notice"] = text["Circulation.AnswerRecorded"].Value;
        return Redirect($"/Circulation/Details/{Id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Circulation = await mediator.Send(new GetCirculation.Query(Id), cancellationToken);
}
