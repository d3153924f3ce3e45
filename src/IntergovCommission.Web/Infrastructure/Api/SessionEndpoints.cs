using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies that carry only what the caller may set; the ids come from the route.</summary>
public static class SessionApiBodies
{
    /// <summary>The row version of the session as last read (409 when someone saved first).</summary>
    public sealed record VersionBody(uint Version);

    public sealed record SessionStateBody(uint Version, string? Reason);

    public sealed record MoveItemBody(uint Version, int Direction);

    public sealed record AgendaAnswerBody(int AgendaVersion, string? Comment);

    public sealed record AttendanceBody(AttendanceMode Mode, string? RepresentativeName);

    public sealed record CheckInBody(AttendanceMode Mode);

    public sealed record InPersonBody(bool Required);

    /// <param name="ClosesInMinutes">Optional announced closing time, minutes from now (1–240); informational, the vote does not close by itself.</param>
    public sealed record OpenBallotBody(Guid AgendaItemId, int? ClosesInMinutes = null);

    public sealed record CastVoteBody(VoteChoice Choice, Guid? ForMembershipId);

    public sealed record DissentBody(string? Language, string? Text);

    public sealed record ProposalBody(string? TitleRu, string? TitleKk, string? RationaleRu, string? RationaleKk, string? DraftDecisionRu, string? DraftDecisionKk);

    public sealed record AcceptProposalBody(uint Version, DecisionKind DecisionKind, string? Rapporteurs);

    public sealed record DeclineProposalBody(uint Version, string? Reason);

    public sealed record AgendaItemBody(uint Version, string? TitleRu, string? TitleKk, string? Rapporteurs, DecisionKind DecisionKind, string? DraftDecisionRu, string? DraftDecisionKk, string? RapporteursKk = null);

    public sealed record InviteeBody(uint Version, string? FullName, string? Organisation, Guid? PersonId, string? Topics, IReadOnlyList<Guid>? ItemIds, string? OrganisationKk = null, string? TopicsKk = null);
}

/// <summary>
/// /api/v1 endpoints for sessions, agenda proposals, the agenda and its approval, attendance, ballots and
/// dissenting opinions: each sends the very use case the pages send.
/// </summary>
public static class SessionEndpoints
{
    public static void MapSessionApi(this RouteGroupBuilder api)
    {
        MapSessions(api);
        MapProposals(api);
        MapAgenda(api);
        MapLive(api);
    }

    private static void MapSessions(RouteGroupBuilder api)
    {
        var commissions = api.MapGroup("/commissions/{commissionId:guid}/sessions").WithTags("Sessions");
        commissions.MapGet("/", (Guid commissionId, IMediator m, CancellationToken ct) => m.Send(new ListSessions.Query(commissionId), ct))
            .WithName("ListSessions").WithSummary("Sessions of a commission, newest first.");
        commissions.MapPost("/", async (Guid commissionId, SessionFields body, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new CreateSession.Command
                {
                    CommissionId = commissionId,
                    Kind = body.Kind,
                    Format = body.Format,
                    Place = body.Place,
                    PlaceKk = body.PlaceKk,
                    ConferenceLink = body.ConferenceLink,
                    StartLocal = body.StartLocal,
                    TimeZoneId = body.TimeZoneId,
                }, ct);
                return Results.Created($"/api/v1/sessions/{result.SessionId}", result);
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateSession").WithSummary("Schedule a session (KZRU-08): a secretary; start is local time in one side's time zone.");

        api.MapGet("/commissions/{commissionId:guid}/work-plan", (Guid commissionId, int? year, TimeProvider clock, IMediator m, CancellationToken ct) =>
                m.Send(new GetWorkPlan.Query(commissionId, year ?? clock.GetUtcNow().Year), ct))
            .WithTags("Sessions").WithName("GetWorkPlan")
            .WithSummary("The annual work plan (?year=, 2000-2100; this year when absent): the sessions of the year, with the approved agenda titles (KZRU-11).");

        var sessions = api.MapGroup("/sessions/{sessionId:guid}").WithTags("Sessions");
        sessions.MapGet("/", (Guid sessionId, IMediator m, CancellationToken ct) => m.Send(new GetSession.Query(sessionId), ct))
            .WithName("GetSession").WithSummary("A session with its agenda, invitees and approvals.");
        sessions.MapPut("/", async (Guid sessionId, EditSessionBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new EditSession.Command
                {
                    SessionId = sessionId,
                    Version = body.Version,
                    Kind = body.Kind,
                    Format = body.Format,
                    Place = body.Place,
                    PlaceKk = body.PlaceKk,
                    ConferenceLink = body.ConferenceLink,
                    StartLocal = body.StartLocal,
                    TimeZoneId = body.TimeZoneId,
                }, ct);
                return Results.NoContent();
            })
            .WithName("EditSession").WithSummary("Change the time, place or format; send the version you read (409 when someone saved first).");
        foreach (var (path, step, name, summary) in new[]
                 {
                     ("/start", SessionStep.Start, "StartSession", "Start the session (KZRU-09): the agenda must be approved by both co-chairs."),
                     ("/close", SessionStep.Close, "CloseSession", "Close the session; its register and ballots are final."),
                     ("/cancel", SessionStep.Cancel, "CancelSession", "Cancel the session with a reason."),
                 })
        {
            sessions.MapPost(path, async (Guid sessionId, SessionApiBodies.SessionStateBody body, IMediator m, CancellationToken ct) =>
                {
                    await m.Send(new ChangeSessionState.Command { SessionId = sessionId, Version = body.Version, Step = step, Reason = body.Reason }, ct);
                    return Results.NoContent();
                })
                .WithName(name).WithSummary(summary);
        }
    }

    private static void MapProposals(RouteGroupBuilder api)
    {
        api.MapPost("/sessions/{sessionId:guid}/proposals", async (Guid sessionId, SessionApiBodies.ProposalBody body, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new SubmitProposal.Command
                {
                    SessionId = sessionId,
                    TitleRu = body.TitleRu,
                    TitleKk = body.TitleKk,
                    RationaleRu = body.RationaleRu,
                    RationaleKk = body.RationaleKk,
                    DraftDecisionRu = body.DraftDecisionRu,
                    DraftDecisionKk = body.DraftDecisionKk,
                }, ct);
                return Results.Created($"/api/v1/proposals/{result.ProposalId}", result);
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithTags("Proposals").WithName("SubmitProposal")
            .WithSummary("Propose an agenda item (KZRU-06, KZRU-12): it goes to your side's secretary; isLate says it came after the deadline.");

        var proposals = api.MapGroup("/proposals").WithTags("Proposals");
        proposals.MapGet("/{proposalId:guid}", (Guid proposalId, IMediator m, CancellationToken ct) => m.Send(new GetProposal.Query(proposalId), ct))
            .WithName("GetProposal").WithSummary("One proposal with its status and version: its proposer, or the secretary of the proposer's side (KZRU-06).");
        proposals.MapGet("/mine", (IMediator m, CancellationToken ct) => m.Send(new ListMyProposals.Query(), ct))
            .WithName("ListMyProposals").WithSummary("Proposals the caller submitted, with their status.");
        proposals.MapGet("/inbox", (bool? includeDecided, IMediator m, CancellationToken ct) => m.Send(new ListInbox.Query(includeDecided ?? false), ct))
            .WithName("ListProposalInbox").WithSummary("Proposals awaiting the caller as secretary of the proposer's side (KZRU-06).");
        proposals.MapPost("/{proposalId:guid}/accept", async (Guid proposalId, SessionApiBodies.AcceptProposalBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new AcceptProposal.Command { ProposalId = proposalId, Version = body.Version, DecisionKind = body.DecisionKind, Rapporteurs = body.Rapporteurs }, ct);
                return Results.NoContent();
            })
            .WithName("AcceptProposal").WithSummary("Take a proposal into the draft agenda: the secretary of the proposer's side (KZRU-06).");
        proposals.MapPost("/{proposalId:guid}/decline", async (Guid proposalId, SessionApiBodies.DeclineProposalBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeclineProposal.Command { ProposalId = proposalId, Version = body.Version, Reason = body.Reason }, ct);
                return Results.NoContent();
            })
            .WithName("DeclineProposal").WithSummary("Decline a proposal with a reason the proposer sees.");
    }

    private static void MapAgenda(RouteGroupBuilder api)
    {
        var agenda = api.MapGroup("/sessions/{sessionId:guid}").WithTags("Agenda");
        agenda.MapPost("/agenda/items", async (Guid sessionId, SessionApiBodies.AgendaItemBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(ToCommand(sessionId, null, body), ct);
                return Results.NoContent();
            })
            .WithName("AddAgendaItem").WithSummary("Add an item to the draft agenda: a secretary; the agenda returns to draft.");
        agenda.MapPut("/agenda/items/{itemId:guid}", async (Guid sessionId, Guid itemId, SessionApiBodies.AgendaItemBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(ToCommand(sessionId, itemId, body), ct);
                return Results.NoContent();
            })
            .WithName("EditAgendaItem").WithSummary("Change an agenda item: a secretary.");
        agenda.MapDelete("/agenda/items/{itemId:guid}", async (Guid sessionId, Guid itemId, uint version, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RemoveAgendaItem.Command { SessionId = sessionId, ItemId = itemId, Version = version }, ct);
                return Results.NoContent();
            })
            .WithName("RemoveAgendaItem").WithSummary("Remove an agenda item; ?version= is the session version you read.");
        agenda.MapPost("/agenda/items/{itemId:guid}/move", async (Guid sessionId, Guid itemId, SessionApiBodies.MoveItemBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new MoveAgendaItem.Command { SessionId = sessionId, ItemId = itemId, Version = body.Version, Direction = body.Direction }, ct);
                return Results.NoContent();
            })
            .WithName("MoveAgendaItem").WithSummary("Reorder: direction -1 moves the item up, 1 down.");
        agenda.MapPost("/agenda/items/{itemId:guid}/accept-unscheduled", async (Guid sessionId, Guid itemId, SessionApiBodies.VersionBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new AcceptUnscheduledItem.Command { SessionId = sessionId, ItemId = itemId, Version = body.Version }, ct);
                return Results.NoContent();
            })
            .WithName("AcceptUnscheduledItem").WithSummary("A co-chair accepts a late item (KZRU-12); it stands when every co-chair has.");
        agenda.MapPost("/agenda/send-for-approval", async (Guid sessionId, SessionApiBodies.VersionBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SendAgendaForApproval.Command { SessionId = sessionId, Version = body.Version }, ct);
                return Results.NoContent();
            })
            .WithName("SendAgendaForApproval").WithSummary("Send the draft agenda to the co-chairs (KZRU-11): a secretary.");
        foreach (var (path, outcome, name, summary) in new[]
                 {
                     ("/agenda/approve", ApprovalOutcome.Approved, "ApproveAgenda", "A co-chair approves the agenda version they read (KZRU-11)."),
                     ("/agenda/return", ApprovalOutcome.Returned, "ReturnAgenda", "A co-chair returns the agenda with a comment (KZRU-11)."),
                 })
        {
            agenda.MapPost(path, async (Guid sessionId, SessionApiBodies.AgendaAnswerBody body, IMediator m, CancellationToken ct) =>
                {
                    await m.Send(new AnswerAgenda.Command { SessionId = sessionId, AgendaVersion = body.AgendaVersion, Outcome = outcome, Comment = body.Comment }, ct);
                    return Results.NoContent();
                })
                .WithName(name).WithSummary(summary);
        }

        agenda.MapGet("/invitee-candidates", (Guid sessionId, IMediator m, CancellationToken ct) => m.Send(new ListInviteeCandidates.Query(sessionId), ct))
            .WithName("ListInviteeCandidates").WithSummary("People who may be invited to the session.");
        agenda.MapPost("/invitees", async (Guid sessionId, SessionApiBodies.InviteeBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(ToCommand(sessionId, null, body), ct);
                return Results.NoContent();
            })
            .WithName("AddInvitee").WithSummary("Invite a person to the session for some agenda items: a secretary.");
        agenda.MapPut("/invitees/{inviteeId:guid}", async (Guid sessionId, Guid inviteeId, SessionApiBodies.InviteeBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(ToCommand(sessionId, inviteeId, body), ct);
                return Results.NoContent();
            })
            .WithName("EditInvitee").WithSummary("Change an invitation: a secretary.");
        agenda.MapDelete("/invitees/{inviteeId:guid}", async (Guid sessionId, Guid inviteeId, uint version, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RemoveInvitee.Command { SessionId = sessionId, InviteeId = inviteeId, Version = version }, ct);
                return Results.NoContent();
            })
            .WithName("RemoveInvitee").WithSummary("Withdraw an invitation; ?version= is the session version you read.");
    }

    private static void MapLive(RouteGroupBuilder api)
    {
        var live = api.MapGroup("/sessions/{sessionId:guid}").WithTags("Live session");
        live.MapGet("/live", (Guid sessionId, IMediator m, CancellationToken ct) => m.Send(new GetLiveSession.Query(sessionId), ct))
            .WithName("GetLiveSession").WithSummary("Live state: register, quorum (KZRU-16), the open ballot, results with roll call.");
        live.MapPut("/attendance/{membershipId:guid}", async (Guid sessionId, Guid membershipId, SessionApiBodies.AttendanceBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RegisterAttendance.Command { SessionId = sessionId, MembershipId = membershipId, Mode = body.Mode, RepresentativeName = body.RepresentativeName }, ct);
                return Results.NoContent();
            })
            .WithName("RegisterAttendance").WithSummary("Record a member's attendance (KZRU-07, KZRU-15): a secretary.");
        live.MapPost("/check-in", async (Guid sessionId, SessionApiBodies.CheckInBody body, CommissionDbContext db, IActorAccessor actors, IMediator m, CancellationToken ct) =>
            {
                var commissionId = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (Guid?)s.CommissionId).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("Session", sessionId);
                var actor = await actors.GetActorAsync(ct);
                var own = actor.Memberships.FirstOrDefault(x => x.CommissionId == commissionId);
                if (own is null)
                {
                    // The register is the secretariat's (KZRU-07 / CIS-12, the profile's rule); only a member checks in.
                    var rule = (await Features.Commissions.CommissionRules.ProfileAsync(db, commissionId, ct)).RuleFor(Domain.Regulation.Capability.KeepRegister);
                    throw ForbiddenException.ByRule(rule, "Register.Refused.MembersCheckIn", "{0} (Regulation {1}): only a member of the commission checks in.");
                }

                await m.Send(new RegisterAttendance.Command { SessionId = sessionId, MembershipId = own.MembershipId, Mode = body.Mode }, ct);
                return Results.NoContent();
            })
            .WithName("CheckIn").WithSummary("Check yourself in, in the room or by video (KZRU-07).");
        live.MapPut("/attendance/{membershipId:guid}/in-person", async (Guid sessionId, Guid membershipId, SessionApiBodies.InPersonBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RequireInPerson.Command(sessionId, membershipId, body.Required), ct);
                return Results.NoContent();
            })
            .WithName("RequireInPerson").WithSummary("Require (or stop requiring) a member to attend in person.");
        live.MapPost("/ballots", async (Guid sessionId, SessionApiBodies.OpenBallotBody body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new OpenBallot.Command(sessionId, body.AgendaItemId, body.ClosesInMinutes), ct);
                return Results.Created($"/api/v1/ballots/{id}", new { id });
            })
            .WithTags("Ballots").WithName("OpenBallot").WithSummary("The presiding co-chair opens a vote on an agenda item (KZRU-10, KZRU-16 quorum).");

        var ballots = api.MapGroup("/ballots/{ballotId:guid}").WithTags("Ballots");
        ballots.MapGet("/", async (Guid ballotId, CommissionDbContext db, IMediator m, CancellationToken ct) =>
            {
                var sessionId = await db.Ballots.AsNoTracking().Where(b => b.Id == ballotId).Select(b => (Guid?)b.SessionId).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("Ballot", ballotId);
                var state = await m.Send(new GetLiveSession.Query(sessionId), ct);
                return state.Items.SelectMany(i => i.Ballots).SingleOrDefault(b => b.Id == ballotId)
                    ?? throw new NotFoundException("Ballot", ballotId);
            })
            .WithName("GetBallot").WithSummary("A ballot: its text, tally, result and roll call, with dissenting opinions.");
        ballots.MapPost("/votes", async (Guid ballotId, SessionApiBodies.CastVoteBody body, IMediator m, CancellationToken ct) =>
            {
                var choice = await m.Send(new CastVote.Command { BallotId = ballotId, Choice = body.Choice, ForMembershipId = body.ForMembershipId }, ct);
                return Results.Ok(new { ballotId, choice });
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("CastVote").WithSummary("Cast your vote (KZRU-15, KZRU-17); a secretary records a show-of-hands vote with forMembershipId. Send an Idempotency-Key.");
        ballots.MapPost("/close", async (Guid ballotId, bool? confirmMissingVotes, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new CloseBallot.Command(ballotId, confirmMissingVotes == true), ct);
                return Results.NoContent();
            })
            .WithName("CloseBallot").WithSummary("The presiding co-chair closes the vote; the result is computed (KZRU-17). While voters present have not voted the close is refused unless ?confirmMissingVotes=true.");
        ballots.MapPost("/dissents", async (Guid ballotId, SessionApiBodies.DissentBody body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new SubmitDissent.Command { BallotId = ballotId, Language = body.Language ?? "ru", Text = body.Text }, ct);
                return Results.Created($"/api/v1/ballots/{ballotId}", new { id });
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("SubmitDissent").WithSummary("A member who voted against or abstained attaches a dissenting opinion (KZRU-19).");
    }

    private static SaveAgendaItem.Command ToCommand(Guid sessionId, Guid? itemId, SessionApiBodies.AgendaItemBody body) => new()
    {
        SessionId = sessionId,
        ItemId = itemId,
        Version = body.Version,
        TitleRu = body.TitleRu,
        TitleKk = body.TitleKk,
        Rapporteurs = body.Rapporteurs,
        RapporteursKk = body.RapporteursKk,
        DecisionKind = body.DecisionKind,
        DraftDecisionRu = body.DraftDecisionRu,
        DraftDecisionKk = body.DraftDecisionKk,
    };

    private static SaveInvitee.Command ToCommand(Guid sessionId, Guid? inviteeId, SessionApiBodies.InviteeBody body) => new()
    {
        SessionId = sessionId,
        InviteeId = inviteeId,
        Version = body.Version,
        FullName = body.FullName,
        Organisation = body.Organisation,
        OrganisationKk = body.OrganisationKk,
        PersonId = body.PersonId,
        Topics = body.Topics,
        TopicsKk = body.TopicsKk,
        ItemIds = body.ItemIds?.ToList() ?? [],
    };
}

/// <summary>Session fields plus the version read, for an edit.</summary>
public sealed class EditSessionBody : SessionFields
{
    public uint Version { get; set; }
}
