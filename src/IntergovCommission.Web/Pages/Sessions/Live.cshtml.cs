using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>
/// The live session page: register and quorum, the open vote with its live tally and roll call,
/// vote buttons for voters present, open/close for the presiding co-chair. Plain POST forms that
/// work without script; live.js refreshes the panel when the hub says something changed.
/// </summary>
public sealed class LiveModel(IMediator mediator) : PageModel, IReloadablePage
{
    public GetLiveSession.Result State { get; private set; } = null!;

    [BindProperty]
    public RegisterAttendance.Command Attendance { get; set; } = new();

    [BindProperty]
    public SubmitDissent.Command Dissent { get; set; } = new();

    /// <summary>KZRU-20: the presiding co-chair's referral of an item to an expert group.</summary>
    [BindProperty]
    public ReferToExpertGroup.Command Referral { get; set; } = new();

    /// <summary>CIS-01: the secretariat confirms a substitute's credentials.</summary>
    [BindProperty]
    public Features.Council.ConfirmCredentials.Command Credentials { get; set; } = new();

    [FromRoute]
    public Guid Id { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    /// <summary>The panel alone, for live refresh.</summary>
    public async Task<IActionResult> OnGetPanelAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        return Partial("_LivePanel", State);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct)
    {
        Attendance.SessionId = Id;
        await mediator.Send(Attendance, ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCheckInAsync(AttendanceMode mode, CancellationToken ct)
    {
        await ReloadAsync(ct);
        // Only someone on the register checks in; an administrator viewing the session has nothing to check in.
        var mine = State.Me.MembershipId ?? throw new Infrastructure.Mediator.ForbiddenException("You are not on this session's register.");
        await mediator.Send(new RegisterAttendance.Command { SessionId = Id, MembershipId = mine, Mode = mode }, ct);
        return RedirectToPage(new { id = Id });
    }

    /// <summary>Opens the vote, optionally with an announced closing time (informational: the presiding person closes).</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid agendaItemId, int? closesInMinutes, CancellationToken ct)
    {
        await mediator.Send(new OpenBallot.Command(Id, agendaItemId, closesInMinutes), ct);
        return RedirectToPage(null, null, new { id = Id }, "open-ballot-title");
    }

    /// <summary>Without script: the vote is cast and the page comes back at the member's own ballot, with its answer.</summary>
    public async Task<IActionResult> OnPostCastAsync(Guid ballotId, VoteChoice choice, CancellationToken ct)
    {
        await mediator.Send(new CastVote.Command { BallotId = ballotId, Choice = choice }, ct);
        return RedirectToPage(null, null, new { id = Id }, "my-ballot");
    }

    /// <summary>How many voters present have not voted, when the presiding person is asked to confirm a close (no script).</summary>
    public int? ConfirmClose { get; private set; }

    public Guid ConfirmBallotId { get; private set; }

    /// <summary>
    /// Closes the vote. A close that leaves voters present without a vote is irreversible and asked first: with script a
    /// confirm dialog, without it this confirmation step; the command itself refuses without the confirmation.
    /// </summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid ballotId, bool confirmMissingVotes, CancellationToken ct)
    {
        if (!confirmMissingVotes)
        {
            // Only someone who may close sees the confirmation step; the others are refused as the command would refuse them.
            await PageGate.RequireAllowedAsync(HttpContext, new CloseBallot.Command(ballotId), ct);
            await ReloadAsync(ct);
            if (State.OpenBallot is { } open && open.Id == ballotId && open.NotVoted.Count > 0)
            {
                ConfirmClose = open.NotVoted.Count;
                ConfirmBallotId = ballotId;
                return Page();
            }
        }

        await mediator.Send(new CloseBallot.Command(ballotId, confirmMissingVotes), ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDissentAsync(CancellationToken ct)
    {
        await mediator.Send(Dissent, ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReferAsync(CancellationToken ct)
    {
        Referral.SessionId = Id;
        await mediator.Send(Referral, ct);
        return RedirectToPage(new { id = Id });
    }

    /// <summary>KZRU-11: an item not reached is deferred to the next session's draft agenda.</summary>
    public async Task<IActionResult> OnPostDeferAsync(Guid agendaItemId, CancellationToken ct)
    {
        await mediator.Send(new DeferAgendaItem.Command { SessionId = Id, AgendaItemId = agendaItemId }, ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCredentialsAsync(CancellationToken ct)
    {
        Credentials.SessionId = Id;
        await mediator.Send(Credentials, ct);
        return RedirectToPage(new { id = Id });
    }

    /// <summary>CIS-08: a member declares their state's lack of interest in a question.</summary>
    public async Task<IActionResult> OnPostNoInterestAsync(Guid agendaItemId, CancellationToken ct)
    {
        await mediator.Send(new Features.Council.DeclareNoInterest.Command(Id, agendaItemId), ct);
        return RedirectToPage(new { id = Id });
    }

    /// <summary>CIS-11: the secretariat marks the states an item directly affects.</summary>
    public async Task<IActionResult> OnPostAffectedAsync(Guid agendaItemId, List<Guid> sideIds, CancellationToken ct)
    {
        await mediator.Send(new Features.Council.MarkAffectedStates.Command { SessionId = Id, AgendaItemId = agendaItemId, SideIds = sideIds ?? [] }, ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        State = await mediator.Send(new GetLiveSession.Query(Id), cancellationToken);
}
