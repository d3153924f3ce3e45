using IntergovCommission.Domain.Treaties;
using IntergovCommission.Web.Features.Treaties;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Treaties;

/// <summary>
/// /Treaties/Report/{id}?year=…: the drafted annual report on a treaty (WF-07): fields (1)-(8), field (9)'s figures from the year's record,
/// the form for (9) in words, (10) and (12) for the reporting side's secretariat, (11) left for the Ministry; PDF and DOCX downloads.
/// </summary>
public sealed class ReportModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty]
    public string? Measures { get; set; }

    [BindProperty]
    public string? Problems { get; set; }

    [BindProperty]
    public TreatyProposal? Proposal { get; set; }

    [BindProperty]
    public string? ProposalText { get; set; }

    [BindProperty]
    public uint? Version { get; set; }

    public GetTreatyReport.Result Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        (Measures, Problems, Proposal, ProposalText, Version) = (Report.Measures, Report.Problems, Report.Proposal, Report.ProposalText, Report.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await mediator.Send(new SaveTreatyReport.Command
        {
            TreatyId = Id, Year = Year, Measures = Measures, Problems = Problems, Proposal = Proposal, ProposalText = ProposalText, Version = Version,
        }, ct);
        TempData["Notice"] = text["Treaties.ReportSaved"].Value;
        return Redirect($"/Treaties/Report/{Id}?year={Year}");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => Download(await mediator.Send(new GetTreatyReportFile.Query(Id, Year, TreatyReportFormat.Pdf), ct));

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => Download(await mediator.Send(new GetTreatyReportFile.Query(Id, Year, TreatyReportFormat.Docx), ct));

    private FileContentResult Download(TreatyReportFile file) => File(file.Content, file.ContentType, file.FileName);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (Year == 0)
        {
            Year = TreatyReportRules.CurrentReportYear(DateOnly.FromDateTime(DateTime.UtcNow));
        }

        Report = await mediator.Send(new GetTreatyReport.Query(Id, Year), cancellationToken);
    }
}
