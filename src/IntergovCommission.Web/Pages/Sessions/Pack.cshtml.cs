using IntergovCommission.Web.Features.Materials;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>
/// The session pack (KZRU-11, KZRU-13): the agenda with every material, each downloadable, one
/// ZIP of all of it; secretaries and members upload materials to the items here.
/// </summary>
public sealed class PackModel(IMediator mediator, IStringLocalizer<SharedResource> text, Microsoft.Extensions.Options.IOptions<Infrastructure.Files.FileStoreOptions> limits) : PageModel, IReloadablePage
{
    [BindProperty]
    public UploadMaterial.Command Data { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public long MaxFileBytes => limits.Value.MaxFileBytes;

    public GetSessionPack.Result Pack { get; private set; } = null!;

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

        await using var content = Upload?.OpenReadStream();
        Data.Content = content;
        Data.FileName = Upload?.FileName;
        var result = await mediator.Send(Data, ct);
        TempData["Notice"] = text["Materials.Uploaded", result.VersionNumber, result.Sha256[..12]].Value;
        return Redirect($"/Sessions/Pack/{id}#item-{Data.ItemId}");
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid materialId, CancellationToken ct)
    {
        var file = await mediator.Send(new DownloadMaterial.Query(id, materialId), ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The ZIP is written to a temporary file one material at a time, then streamed; the file goes when the response ends.</summary>
    public async Task<IActionResult> OnGetZipAsync(Guid id, CancellationToken ct)
    {
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var name = await mediator.Send(new WriteSessionPackZip.Query(id, temp), ct);
            temp.Position = 0;
            return File(temp, "application/zip", name);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Pack = await mediator.Send(new GetSessionPack.Query(Data.SessionId), cancellationToken);
}
