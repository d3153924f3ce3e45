using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>
/// The secretary's desk for an in-person room: the register of their own side's people as one table with quick marks
/// (present, video, absent, represented by whom) and "all present", sent in one submit; the show-of-hands entry for
/// their side's members who vote by hand (KZRU-17, the secretary records for their own side, never over a personal
/// vote); and the room-screen links (create, revoke).
/// </summary>
public sealed class DeskModel(IMediator mediator, IActorAccessor actors, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    public GetLiveSession.Result State { get; private set; } = null!;

    public IReadOnlyList<GetScreenLinks.Row> Links { get; private set; } = [];

    /// <summary>The register rows this secretary keeps (their own side's people).</summary>
    public IReadOnlyList<RegisterRow> Mine { get; private set; } = [];

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public List<AttendanceMark> Marks { get; set; } = [];

    [BindProperty]
    public List<HandVote> Hands { get; set; } = [];

    public sealed class AttendanceMark
    {
        public Guid MembershipId { get; set; }
        public AttendanceMode? Mode { get; set; }
        public string? RepresentativeName { get; set; }
    }

    public sealed class HandVote
    {
        public Guid MembershipId { get; set; }
        public VoteChoice? Choice { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    /// <summary>The register in one submit: only the rows that changed are recorded, each audited; a refused row keeps its input and says why.</summary>
    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        var current = State.Register.ToDictionary(r => r.Entry.MembershipId);
        var saved = 0;
        for (var i = 0; i < Marks.Count; i++)
        {
            var mark = Marks[i];
            if (mark.Mode is not { } mode || !current.TryGetValue(mark.MembershipId, out var row))
            {
                continue;
            }

            var name = mode == AttendanceMode.Represented ? mark.RepresentativeName?.Trim() : null;
            if (row.Entry.Mode == mode && (mode != AttendanceMode.Represented || row.RepresentativeName == name))
            {
                continue;
            }

            if (await TryAsync($"Marks[{i}]", () => mediator.Send(new RegisterAttendance.Command { SessionId = Id, MembershipId = mark.MembershipId, Mode = mode, RepresentativeName = name }, ct)))
            {
                saved++;
            }
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        TempData["Notice"] = text["Room.Desk.RegisterSaved", saved].Value;
        return RedirectToPage(null, null, new { id = Id }, "register-title");
    }

    /// <summary>The show of hands: the secretary records the votes of their side's members voting by hand, in one submit.</summary>
    public async Task<IActionResult> OnPostHandsAsync(Guid ballotId, CancellationToken ct)
    {
        await ReloadAsync(ct); // the desk is the secretaries': anyone else is refused before any row is tried
        var recorded = 0;
        for (var i = 0; i < Hands.Count; i++)
        {
            var hand = Hands[i];
            if (hand.Choice is not { } choice)
            {
                continue;
            }

            if (await TryAsync($"Hands[{i}]", () => mediator.Send(new CastVote.Command { BallotId = ballotId, Choice = choice, ForMembershipId = hand.MembershipId }, ct)))
            {
                recorded++;
            }
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        TempData["Notice"] = text["Room.Desk.HandsRecorded", recorded].Value;
        return RedirectToPage(null, null, new { id = Id }, "hands-title");
    }

    public async Task<IActionResult> OnPostCreateLinkAsync(string? label, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateScreenLink.Command { SessionId = Id, Label = label }, ct);
        TempData["ScreenLink"] = $"{Request.Scheme}://{Request.Host}/Sessions/Screen/{Id}?key={Uri.EscapeDataString(created.Secret)}";
        return RedirectToPage(null, null, new { id = Id }, "links-title");
    }

    public async Task<IActionResult> OnPostRevokeLinkAsync(Guid linkId, CancellationToken ct)
    {
        await mediator.Send(new RevokeScreenLink.Command(Id, linkId), ct);
        TempData["Notice"] = text["Room.Links.Revoked"].Value;
        return RedirectToPage(null, null, new { id = Id }, "links-title");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Links = await mediator.Send(new GetScreenLinks.Query(Id), cancellationToken); // the desk is the secretaries' (KZRU-07)
        State = await mediator.Send(new GetLiveSession.Query(Id), cancellationToken);
        var actor = await actors.GetActorAsync(cancellationToken);
        Mine = State.Register.Where(r => actor.May(State.CommissionId, Capability.KeepRegister, r.Entry.SideId)).ToList();
    }

    /// <summary>Sends one row's command; a refusal goes next to that row (input kept), the other rows go on.</summary>
    private async Task<bool> TryAsync(string field, Func<Task> send)
    {
        try
        {
            await send();
            return true;
        }
        catch (InputValidationException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(field, text[message].Value);
            }
        }
        catch (RuleViolationException rule)
        {
            var localized = text[rule.Key, Ui.LocalizeArguments(rule.Arguments)];
            ModelState.AddModelError(field, localized.ResourceNotFound ? rule.Message : localized.Value);
        }
        catch (ForbiddenException forbidden)
        {
            ModelState.AddModelError(field, forbidden.Localize(text));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError(field, text[conflict.Message].Value);
        }

        return false;
    }
}
