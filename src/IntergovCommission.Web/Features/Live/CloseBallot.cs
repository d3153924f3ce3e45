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

/// <summary>KZRU-17: the presiding co-chair closes the vote; the result is computed by the profile and frozen with the roll call.</summary>
public static class CloseBallot
{
    /// <param name="ConfirmMissingVotes">
    /// The presiding person confirms closing while voters present have not voted. Without it such a close is
    /// refused (the page asks first: "4 members present have not voted. Close?"); a close is irreversible.
    /// </param>
    public sealed record Command(Guid BallotId, bool ConfirmMissingVotes = false) : ICommand<bool>;

    /// <summary>The voters present who have not voted in the ballot (by membership), as the close would freeze them.</summary>
    public static IReadOnlyList<Guid> MissingVoters(LiveContext context, Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ballot);
        var voted = ballot.Votes.Select(v => v.MembershipId).ToHashSet();
        return context.Register.Where(r => SessionRules.IsVoterPresent(context.Profile, r.Entry) && !voted.Contains(r.Entry.MembershipId))
            .Select(r => r.Entry.MembershipId).ToList();
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var sessionId = await LiveContext.SessionOfBallotAsync(db, request.BallotId, cancellationToken);
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, sessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.ConductVote);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var sessionId = await db.Database.SqlQuery<Guid>($"SELECT session_id AS \"Value\" FROM ballots WHERE id = {request.BallotId} FOR UPDATE").SingleAsync(cancellationToken);
            var context = await LiveContext.LoadAsync(db, sessionId, clock, cancellationToken);
            context.RequireInProgress();
            var me = context.RowOf(actor.PersonId) ?? throw new ForbiddenException("You are not on this session's register.", context.Profile.Presiding.Rule.Id);
            SessionRules.RequirePresiding(context.Profile, context.Entries, me.Entry.MembershipId, context.Office);
            var ballot = await db.Ballots.Include(b => b.Votes).SingleAsync(b => b.Id == request.BallotId, cancellationToken);
            if (ballot.State == BallotState.Open && !request.ConfirmMissingVotes && MissingVoters(context, ballot) is { Count: > 0 } missing)
            {
                // An irreversible close that leaves members present without a vote is asked first (issue #15).
                var rule = context.Profile.Voting.Rule;
                throw new RuleViolationException(rule.Id, "Room.Close.MissingVotes",
                    "{1} (Regulation {2}): {0} members present have not voted; confirm the close to freeze the roll call without them.", missing.Count, rule.Id, rule.Clause);
            }

            // CIS-08: states that declared no interest in the item leave the majority base when the profile says so;
            // CIS-01: one vote per state (the latest of its delegation's); a tie may be decided by the presiding person's vote.
            var noInterest = await db.NoInterestDeclarations.AsNoTracking().Where(d => d.AgendaItemId == ballot.AgendaItemId).Select(d => d.SideId).ToListAsync(cancellationToken);
            var sideOf = context.Register.ToDictionary(r => r.Entry.MembershipId, r => r.Entry.SideId);
            var @base = SessionRules.MajorityBase(context.Profile, context.Entries, noInterest);
            var result = ballot.Close(me.Entry.MembershipId, clock.GetUtcNow(), @base, context.Profile.Voting,
                id => sideOf.GetValueOrDefault(id), me.Entry.MembershipId);
            if (result.Adopted)
            {
                // KZRU-17/18: the adopted vote becomes a decision record, with who was present to sign it.
                await Decisions.DecisionRecords.CreateForAdoptedBallotAsync(db, ballot, context, cancellationToken);
            }

            live.SessionChanged(sessionId, "ballot-closed");
            return true;
        }
    }
}
