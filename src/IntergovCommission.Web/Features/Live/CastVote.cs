using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// KZRU-15/17: a voting member present casts or changes their vote while the ballot is open; a
/// secretary may record the vote of a member voting by show of hands or called by name on video.
/// The vote is stored (and committed) before it is acknowledged; one per member per round.
/// A vote racing the close is either counted (committed first) or refused (sees it closed).
/// </summary>
public static class CastVote
{
    public sealed class Command : ICommand<VoteChoice>
    {
        public Guid BallotId { get; set; }
        public VoteChoice Choice { get; set; }
        /// <summary>Set when a secretary records another member's vote.</summary>
        public Guid? ForMembershipId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.Choice).IsInEnum().WithMessage(_ => text["Live.Validation.Choice"]);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var sessionId = await LiveContext.SessionOfBallotAsync(db, request.BallotId, cancellationToken);
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, sessionId, cancellationToken);
            Require.SignedIn(actor);
            var mine = actor.Memberships.Where(m => m.CommissionId == commissionId).ToList();
            if (mine.Count == 0)
            {
                throw new ForbiddenException("You are not on this commission.");
            }

            // KZRU-14 / KZRU-15 / CIS-02 / CIS-07: who takes part in decisions is the profile's participation of the role.
            if (mine.All(m => actor.ParticipationOf(m).NamedItemsOnly))
            {
                throw ForbiddenException.ByRule(actor.ParticipationOf(mine[0]).Rule, "Participation.Refused.InvitedNoVote", "{0} (Regulation {1}): an invited person takes part in the discussion of their items but does not vote.");
            }

            if (request.ForMembershipId is not { } forId || mine.Any(m => m.MembershipId == forId))
            {
                if (mine.All(m => !actor.ParticipationOf(m).Votes) && mine.FirstOrDefault(m => actor.ParticipationOf(m).RepresentsAnother) is { } representative)
                {
                    throw NoDecisions(actor, representative);
                }

                return;
            }

            // KZRU-17: the vote is personal. A secretary records the vote of a member of their own side who votes
            // by show of hands or is called by name on video (presence and the member's own vote: the handler).
            var voter = await db.Memberships.AsNoTracking()
                .Where(m => m.Id == forId && m.CommissionId == commissionId)
                .Select(m => new { m.SideId })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Membership", forId);
            if (!actor.May(commissionId, Capability.RecordVoteForOther) && mine.FirstOrDefault(m => actor.ParticipationOf(m).RepresentsAnother) is { } standIn)
            {
                throw NoDecisions(actor, standIn);
            }

            // KZRU-17: a secretary records votes only for members of their own side (the profile's scope of the capability).
            Require.May(actor, commissionId, Capability.RecordVoteForOther, voter.SideId);
        }
    }

    /// <summary>KZRU-15: a representative takes no part in decisions (the rule of the profile's participation of the role).</summary>
    private static ForbiddenException NoDecisions(Actor actor, ActorMembership representative) =>
        ForbiddenException.ByRule(actor.ParticipationOf(representative).Rule, "Participation.Refused.NoDecisions", "{0} (Regulation {1}): a representative has no right to take part in decisions.");

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, AfterCommit afterCommit, TimeProvider clock) : IRequestHandler<Command, VoteChoice>
    {
        public async Task<VoteChoice> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var sessionId = await LiveContext.SessionOfBallotAsync(db, request.BallotId, cancellationToken);
            // Only the caller's and the voter's register rows: a cast reads a constant amount whatever the
            // roster's size (500 voters: docs/benchmarks.md).
            var context = await LiveContext.LoadRowsAsync(db, sessionId, clock, actor.PersonId, request.ForMembershipId, cancellationToken);
            if (context.Profile.Voting.Unit == VoteUnit.State)
            {
                // CIS-01: who casts a state's vote depends on who else of its delegation is present: the whole register.
                context = await LiveContext.LoadAsync(db, sessionId, clock, cancellationToken);
            }

            context.RequireInProgress();
            var me = context.RowOf(actor.PersonId) ?? throw new ForbiddenException("You are not on this session's register.");
            var voterId = request.ForMembershipId ?? me.Entry.MembershipId;
            var voter = context.Register.FirstOrDefault(r => r.Entry.MembershipId == voterId);
            SessionRules.RequireCanVote(context.Profile, voter?.Entry, context.Profile.Voting.Unit == VoteUnit.State ? context.Entries : null);
            if (context.Profile.Voting.NoInterestRule is { } noInterestRule && voter?.Entry.SideId is Guid voterSide
                && await db.Ballots.AnyAsync(b => b.Id == request.BallotId && db.NoInterestDeclarations.Any(d => d.AgendaItemId == b.AgendaItemId && d.SideId == voterSide), cancellationToken))
            {
                throw new RuleViolationException(noInterestRule.Id, "Rule.Voting.DeclaredNoInterest",
                    "{0} (Regulation {1}): your state declared no interest in this question; it does not vote on it.", noInterestRule.Id, noInterestRule.Clause);
            }

            // One voter's casts are serialised (a double tap, or the member and a secretary at the same moment):
            // the second sees the first's vote instead of colliding on the one-vote-per-round constraint.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({request.BallotId.ToString() + voterId.ToString()}, 17))", cancellationToken);
            // Shared lock on the ballot, read after the voter's lock (a fresh snapshot): casts proceed together; a close
            // (FOR UPDATE) waits for them, and a cast after it sees it closed (KZRU-17).
            var ballot = await db.Ballots.FromSql($"SELECT *, xmin FROM ballots WHERE id = {request.BallotId} FOR SHARE")
                .Include(b => b.Votes.Where(v => v.MembershipId == voterId))
                .SingleAsync(cancellationToken);
            var recordedBy = voterId == me.Entry.MembershipId ? (Guid?)null : me.Entry.MembershipId;
            var vote = ballot.Cast(Guid.CreateVersion7(), voterId, request.Choice, clock.GetUtcNow(), recordedBy);
            live.VoteCast(sessionId, ballot.Id, voterId, vote.Choice, vote.RecordedByMembershipId is not null, vote.Changes);
            afterCommit.Add(() =>
            {
                Infrastructure.AppMetrics.VotesCast.Add(1);
                return Task.CompletedTask;
            });
            return vote.Choice;
        }
    }
}
