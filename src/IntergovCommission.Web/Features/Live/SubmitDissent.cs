using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// KZRU-19: a member who did not vote with the majority submits a written dissenting opinion to
/// the co-chairs, within the profile's deadline after the session; it is attached to the decision.
/// </summary>
public static class SubmitDissent
{
    public sealed class Command : ICommand<Guid>
    {
        public Guid BallotId { get; set; }
        public string Language { get; set; } = "ru";
        public string? Text { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Language).Must(l => l is "ru" or "kk").WithMessage(_ => text["Live.Validation.DissentLanguage"]);
            RuleFor(x => x.Text).NotEmpty().WithMessage(_ => text["Live.Validation.DissentText"])
                .MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var sessionId = await LiveContext.SessionOfBallotAsync(db, request.BallotId, cancellationToken);
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, sessionId, cancellationToken);
            Require.InCommission(actor, commissionId);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var ballot = await db.Ballots.AsNoTracking().Include(b => b.Votes).SingleAsync(b => b.Id == request.BallotId, cancellationToken);
            var context = await LiveContext.LoadAsync(db, ballot.SessionId, clock, cancellationToken);
            var me = context.RowOf(actor.PersonId) ?? throw new ForbiddenException("You are not on this session's register.", context.Profile.Dissent.Rule.Id);
            var deadline = (ballot.ClosedAt ?? context.StartsAt).AddDays(context.Profile.Dissent.DeadlineDaysAfterSession);
            DissentingOpinion.RequireMayDissent(ballot, me.Entry.MembershipId, clock.GetUtcNow(), deadline);
            if (await db.DissentingOpinions.AnyAsync(d => d.BallotId == request.BallotId && d.MembershipId == me.Entry.MembershipId, cancellationToken))
            {
                var rule = context.Profile.Dissent.Rule;
                throw new Domain.Common.RuleViolationException(rule.Id, "Rule.Dissent.Once", "{0} (Regulation {1}): you have already submitted a dissenting opinion on this vote.", rule.Id, rule.Clause);
            }

            var opinion = new DissentingOpinion(Guid.CreateVersion7(), request.BallotId, me.Entry.MembershipId, me.Entry.PersonId, request.Language, request.Text!, null, clock.GetUtcNow());
            db.DissentingOpinions.Add(opinion);
            live.SessionChanged(ballot.SessionId, "dissent");
            return opinion.Id;
        }
    }
}
