using IntergovCommission.Web.Features.Execution;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Execution;

/// <summary>
/// /Execution?commissionId=…: the control page of a commission (KZRU-07): everything on control, due within N working days, overdue
/// (derived on each side's calendar), filters by side, state and organisation, counts, groups by organisation and responsible person.
/// </summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid CommissionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SideId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ControlFilter Filter { get; set; } = ControlFilter.Unfinished;

    [BindProperty(SupportsGet = true)]
    public int DueWithin { get; set; } = 5;

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    public ListAssignments.Result Result { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Filter))
        {
            Filter = ControlFilter.Unfinished;
        }

        DueWithin = Math.Clamp(DueWithin, 1, 100);
        Organisation = string.IsNullOrWhiteSpace(Organisation) || Organisation.Length > 500 ? null : Organisation;
        Result = await mediator.Send(new ListAssignments.Query(CommissionId, SideId, Filter, DueWithin, Organisation), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        NextFixedDate = ExecutionReport.FixedDates.SelectMany(d => new[] { new DateOnly(today.Year, d.Month, d.Day), new DateOnly(today.Year + 1, d.Month, d.Day) })
            .Where(d => d >= today).Min();
        // The half-year the next report covers: 1 January–15 June or 16 June–15 December (10 January: the whole past year).
        From ??= NextFixedDate.Month == 1 ? new DateOnly(NextFixedDate.Year - 1, 1, 1) : NextFixedDate.Month == 6 ? new DateOnly(NextFixedDate.Year, 1, 1) : new DateOnly(NextFixedDate.Year, 6, 16);
        To ??= NextFixedDate.Month == 1 ? new DateOnly(NextFixedDate.Year - 1, 12, 31) : NextFixedDate;
        ReportDates = await mediator.Send(new GetReportDates.Query(CommissionId), cancellationToken);
        if (From <= To && To.Value.DayNumber - From.Value.DayNumber <= 3660)
        {
            Discipline = await mediator.Send(new GetExecutionDiscipline.Query(CommissionId, From.Value, To.Value), cancellationToken);
        }
    }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>WF-05: the execution discipline per organisation for the report period shown.</summary>
    public IReadOnlyList<Documents.ExecutionDisciplineRow> Discipline { get; private set; } = [];

    /// <summary>WF-05, WF-07: the fixed report dates ahead with the working days left per side.</summary>
    public IReadOnlyList<GetReportDates.Row> ReportDates { get; private set; } = [];

    /// <summary>WF-05: the next fixed report date (15 June, 15 December, 10 January) on or after today.</summary>
    public DateOnly NextFixedDate { get; private set; }

    public async Task<IActionResult> OnGetReportPdfAsync(CancellationToken ct)
    {
        var file = await mediator.Send(new GetExecutionReportPdf.Query(CommissionId, From ?? default, To ?? default), ct);
        return File(file.Content, Features.Documents.PdfFile.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetReportCsvAsync(CancellationToken ct)
    {
        var file = await mediator.Send(new GetExecutionReportCsv.Query(CommissionId, From ?? default, To ?? default), ct);
        return File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }

    public async Task<IActionResult> OnPostPutOnAgendaAsync(Guid sessionId, CancellationToken ct)
    {
        var result = await mediator.Send(new PutOnAgenda.Command(CommissionId, sessionId), ct);
        TempData["Notice"] = text["Execution.PutOnAgendaDone", result.SessionNumber, result.ItemsAdded].Value;
        return Redirect($"/Execution?commissionId={CommissionId}");
    }

    public string FilterUrl(ControlFilter filter) =>
        $"/Execution?commissionId={CommissionId}&filter={filter}&dueWithin={DueWithin}" + (SideId is Guid side ? $"&sideId={side}" : string.Empty);
}
