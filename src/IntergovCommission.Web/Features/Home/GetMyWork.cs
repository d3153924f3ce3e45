using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Home;

/// <summary>
/// What needs me now (issue 15 item 5): the vote open for me, the decisions awaiting my signature or approval,
/// the proposals and agendas awaiting me, my next session and my overdue assignments. Who is awaited is asked of
/// the profile (the voting roles, <see cref="Capability.ApproveAgenda"/>, <see cref="Capability.ReceiveProposals"/>,
/// the decision's signing route), never of a role name.
/// </summary>
public static class GetMyWork
{
    public sealed record Query : IQuery<Result>;

    /// <param name="Link">Straight to the ballot on the live page.</param>
    public sealed record OpenVote(Guid SessionId, int SessionNumber, string CommissionCode, Guid BallotId, int ItemNumber, LocalizedText ItemTitle, int Round,
        DateTimeOffset OpenedAt, string TimeZoneId, bool Voted, string Link);

    public sealed record DecisionAwaiting(Guid DecisionId, string Number, int VersionNumber, string TitleKk, string TitleRu, SignatureKind Kind, string Link);

    public sealed record AgendaAwaiting(Guid SessionId, int SessionNumber, string CommissionCode, DateTimeOffset StartsAt, string TimeZoneId, string Link);

    public sealed record ProposalAwaiting(Guid ProposalId, int SessionNumber, string CommissionCode, LocalizedText Title, DateTimeOffset ReceivedAt, string Link);

    public sealed record NextSession(Guid SessionId, int Number, string CommissionCode, LocalizedText CommissionName, SessionState State, DateTimeOffset StartsAt,
        string TimeZoneId, string? Place, string Link);

    public sealed record OverdueAssignment(Guid AssignmentId, string CommissionCode, int Number, string? TaskRu, string? TaskKk, DateOnly DueOn, string Link);

    /// <param name="TimeZoneId">The reader's own zone, for the times not tied to a session.</param>
    public sealed record Result(string TimeZoneId, IReadOnlyList<OpenVote> OpenVotes, IReadOnlyList<DecisionAwaiting> Decisions, IReadOnlyList<AgendaAwaiting> Agendas,
        IReadOnlyList<ProposalAwaiting> Proposals, NextSession? Next, IReadOnlyList<OverdueAssignment> Overdue)
    {
        /// <summary>CIS-04: the bodies whose secretariat I am that have no session scheduled within a year of the last one held.</summary>
        public IReadOnlyList<SessionDue> SessionsDue { get; init; } = [];

        public bool IsEmpty => OpenVotes.Count == 0 && Decisions.Count == 0 && Agendas.Count == 0 && Proposals.Count == 0 && Next is null && Overdue.Count == 0 && SessionsDue.Count == 0;
    }

    /// <param name="Link">The page that schedules the next session.</param>
    public sealed record SessionDue(Guid CommissionId, string CommissionCode, int LastHeldNumber, DateOnly LastHeld, DateOnly DueBy, string RuleId, string Link);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, IMediator mediator, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var zone = await PersonZone.OfAsync(db, actor.UserId, actor.PersonId, clock.Today(), cancellationToken);
            if (actor.PersonId is null)
            {
                return new Result(zone, [], [], [], [], null, []);
            }

            var seated = actor.Memberships.Where(m => actor.IsIn(m.CommissionId)).ToList();
            var commissions = seated.Select(m => m.CommissionId).Distinct().ToList();
            var codes = await db.Commissions.AsNoTracking().Where(c => commissions.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.Code, c.Name }, cancellationToken);

            // CIS-04: only the profile's holders of PrepareSessions (the secretariat) are asked to schedule the next session.
            var preparing = commissions.Where(c => actor.May(c, Capability.PrepareSessions)).ToList();
            var sessionsDue = preparing.Count == 0 ? [] : (await Sessions.SessionFrequencyReminders.GapsAsync(db, preparing, cancellationToken))
                .Select(g => new SessionDue(g.CommissionId, g.CommissionCode, g.LastHeldNumber, g.LastHeld, g.DueBy, g.Rule.Id, $"/Sessions/Create?commissionId={g.CommissionId}"))
                .ToList();
            return new Result(zone,
                await OpenVotesAsync(actor, seated, cancellationToken),
                await DecisionsAsync(cancellationToken),
                await AgendasAsync(actor, commissions, cancellationToken),
                await ProposalsAsync(actor, cancellationToken),
                await NextSessionAsync(commissions, cancellationToken),
                await OverdueAsync(cancellationToken))
            {
                SessionsDue = sessionsDue,
            };
        }

        /// <summary>The open ballots of the commissions where one of my seats holds a voting role by the profile (KZRU-17, CIS-01).</summary>
        private async Task<IReadOnlyList<OpenVote>> OpenVotesAsync(Actor actor, IReadOnlyList<ActorMembership> seated, CancellationToken ct)
        {
            var voting = seated.Where(m => actor.ProfileOf(m.CommissionId) is { } profile && m.Seat.Roles.Any(profile.Voting.VotingRoles.Contains)).ToList();
            if (voting.Count == 0)
            {
                return [];
            }

            var commissionIds = voting.Select(m => m.CommissionId).Distinct().ToList();
            var membershipIds = voting.Select(m => m.MembershipId).ToList();
            var rows = await (from b in db.Ballots.AsNoTracking()
                              join s in db.Sessions on b.SessionId equals s.Id
                              join i in db.AgendaItems on b.AgendaItemId equals i.Id
                              join c in db.Commissions on s.CommissionId equals c.Id
                              where b.State == BallotState.Open && s.State == SessionState.InProgress && commissionIds.Contains(s.CommissionId)
                              orderby b.OpenedAt
                              select new
                              {
                                  b.SessionId, s.Number, c.Code, BallotId = b.Id, i.Position, i.Title, b.Round, b.OpenedAt, s.TimeZoneId,
                                  Voted = db.Votes.Any(v => v.BallotId == b.Id && membershipIds.Contains(v.MembershipId)),
                              })
                .ToListAsync(ct);
            return rows.Select(r => new OpenVote(r.SessionId, r.Number, r.Code, r.BallotId, r.Position, r.Title, r.Round, r.OpenedAt, r.TimeZoneId, r.Voted,
                $"/Sessions/Live/{r.SessionId}#open-ballot-title")).ToList();
        }

        /// <summary>The decisions awaiting my signature, or my approval once every signature is in (KZRU-18): the decisions list's own query.</summary>
        private async Task<IReadOnlyList<DecisionAwaiting>> DecisionsAsync(CancellationToken ct)
        {
            var mine = await mediator.Send(new ListMyDecisions.Query(), ct);
            return mine.AwaitingMe.Select(d => new DecisionAwaiting(d.Id, d.Number, d.VersionNumber, d.TitleKk, d.TitleRu, d.AwaitedFromMe!.Value, $"/Decisions/Details/{d.Id}")).ToList();
        }

        /// <summary>Agendas sent for approval that await my approval of their current version (KZRU-11, CIS-03).</summary>
        private async Task<IReadOnlyList<AgendaAwaiting>> AgendasAsync(Actor actor, IReadOnlyList<Guid> commissions, CancellationToken ct)
        {
            var approving = commissions.Where(c => actor.May(c, Capability.ApproveAgenda)).ToList();
            if (approving.Count == 0)
            {
                return [];
            }

            var person = actor.PersonId!.Value;
            return await (from s in db.Sessions.AsNoTracking()
                          join c in db.Commissions on s.CommissionId equals c.Id
                          where s.State == SessionState.AgendaUnderApproval && approving.Contains(s.CommissionId)
                              && !db.AgendaApprovals.Any(a => a.SessionId == s.Id && a.AgendaVersion == s.AgendaVersion && a.PersonId == person)
                          orderby s.StartsAt
                          select new AgendaAwaiting(s.Id, s.Number, c.Code, s.StartsAt, s.TimeZoneId, "/Sessions/Approve/" + s.Id))
                .ToListAsync(ct);
        }

        /// <summary>Proposals waiting for the secretary who receives them (KZRU-06, KZRU-12): the inbox's own query.</summary>
        private async Task<IReadOnlyList<ProposalAwaiting>> ProposalsAsync(Actor actor, CancellationToken ct)
        {
            if (!actor.Memberships.Any(m => actor.May(m.CommissionId, Capability.ReceiveProposals)))
            {
                return [];
            }

            var inbox = await mediator.Send(new ListInbox.Query(), ct);
            return inbox.Select(p => new ProposalAwaiting(p.Id, p.SessionNumber, p.CommissionCode, p.Title, p.ReceivedAt, "/Proposals/Inbox#proposal-" + p.Id.ToString())).ToList();
        }

        /// <summary>The next session of my commissions that is not over: in progress, or the nearest to come.</summary>
        private async Task<NextSession?> NextSessionAsync(IReadOnlyList<Guid> commissions, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            return await (from s in db.Sessions.AsNoTracking()
                          join c in db.Commissions on s.CommissionId equals c.Id
                          where commissions.Contains(s.CommissionId)
                              && (s.State == SessionState.InProgress
                                  || ((s.State == SessionState.Draft || s.State == SessionState.AgendaUnderApproval || s.State == SessionState.AgendaApproved) && s.StartsAt >= now))
                          orderby s.State == SessionState.InProgress ? 0 : 1, s.StartsAt
                          select new NextSession(s.Id, s.Number, c.Code, c.Name, s.State, s.StartsAt, s.TimeZoneId, s.Place,
                              s.State == SessionState.InProgress ? "/Sessions/Live/" + s.Id : "/Sessions/Details/" + s.Id))
                .FirstOrDefaultAsync(ct);
        }

        /// <summary>My own assignments past their deadline (WF-05): the execution list's own query.</summary>
        private async Task<IReadOnlyList<OverdueAssignment>> OverdueAsync(CancellationToken ct)
        {
            var mine = await mediator.Send(new ListAssignments.Query(null, Filter: ControlFilter.Overdue, Mine: true), ct);
            return mine.Rows.Select(r => new OverdueAssignment(r.Id, r.CommissionCode, r.Number, r.TaskRu, r.TaskKk, r.DueOn, "/Execution/Details/" + r.Id)).ToList();
        }
    }
}
