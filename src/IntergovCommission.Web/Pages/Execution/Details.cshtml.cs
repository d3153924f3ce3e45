using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Execution;

/// <summary>
/// /Execution/Details/{id}: one assignment; the responsible person reports with files, the controller accepts or returns with a
/// reason, the side's secretary cancels, an extension is asked for and the side's co-chair decides it. The page shows only what the
/// caller may do (flags from GetAssignment, which asks the use cases' authorizers); the handlers are the gate.
/// </summary>
public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Data { get; set; }

    [BindProperty]
    public uint? Version { get; set; }

    [BindProperty]
    public Guid ReportId { get; set; }

    [BindProperty]
    public RequestExtension.Command Extension { get; set; } = new();

    [BindProperty]
    public IFormFileCollection? Uploads { get; set; }

    public GetAssignment.Result Assignment { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnGetFileAsync(Guid fileId, CancellationToken ct)
    {
        var file = await mediator.Send(new GetReportFile.Query(Id, fileId), ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostReportAsync(CancellationToken ct)
    {
        var streams = (Uploads ?? new FormFileCollection()).Where(f => f.Length > 0).Select(f => (f.FileName, Stream: f.OpenReadStream())).ToList();
        try
        {
            await mediator.Send(new SubmitReport.Command { AssignmentId = Id, Text = Data, Version = Version, Files = [.. streams.Select(s => new ReportUpload(s.FileName, s.Stream))] }, ct);
        }
        finally
        {
            foreach (var (_, stream) in streams)
            {
                await stream.DisposeAsync();
            }
        }

        return Done("Execution.Reported");
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        await mediator.Send(new AcceptReport.Command(Id, ReportId, Version), ct);
        return Done("Execution.Accepted");
    }

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        await mediator.Send(new ReturnReport.Command { AssignmentId = Id, ReportId = ReportId, Reason = Data, Version = Version }, ct);
        return Done("Execution.Returned");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        await mediator.Send(new CancelAssignment.Command { AssignmentId = Id, Reason = Data, Version = Version }, ct);
        return Done("Execution.Cancelled");
    }

    public async Task<IActionResult> OnPostExtensionAsync(CancellationToken ct)
    {
        Extension.AssignmentId = Id;
        await mediator.Send(Extension, ct);
        return Done("Execution.ExtensionRequested");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid extensionId, bool approve, CancellationToken ct)
    {
        await mediator.Send(new ApproveExtension.Command(Id, extensionId, approve), ct);
        return Done("Execution.ExtensionDecided");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Assignment = await mediator.Send(new GetAssignment.Query(Id), cancellationToken);

    private RedirectResult Done(string key)
    {
        TempData["Notice"] = text[key].Value;
        return Redirect($"/Execution/Details/{Id}");
    }
}
