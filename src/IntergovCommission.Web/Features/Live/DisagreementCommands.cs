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

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, LiveUpdates live, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var ballot = await db.Ballots.AsNoTracking().Include(b => b.Votes).SingleAsync(b => b.Id == request.BallotId, cancellationToken);
            var context = await LiveContext.LoadAsync(db, ballot.SessionId, clock, cancellationToken);
            var me = context.RowOf(actor.PersonId) ?? throw new ForbiddenException("You are not on this session's register.", "KZRU-19");
            var deadline = (ballot.ClosedAt ?? context.StartsAt).AddDays(context.Profile.Dissent.DeadlineDaysAfterSession);
            DissentingOpinion.RequireMayDissent(ballot, me.Entry.MembershipId, clock.GetUtcNow(), deadline);
            if (await db.DissentingOpinions.AnyAsync(d => d.BallotId == request.BallotId && d.MembershipId == me.Entry.MembershipId, cancellationToken))
            {
                throw new Domain.Common.RuleViolationException("KZRU-19", "Rule.Dissent.Once", "KZRU-19 (Regulation cl. 10): you have already submitted a dissenting opinion on this vote.");
            }

            var opinion = new DissentingOpinion(Guid.CreateVersion7(), request.BallotId, me.Entry.MembershipId, me.Entry.PersonId, request.Language, request.Text!, null, clock.GetUtcNow());
            db.DissentingOpinions.Add(opinion);
            live.SessionChanged(ballot.SessionId, "dissent");
            return opinion.Id;
        }
    }
}

/// <summary>KZRU-20: the co-chairs refer a disputed item to an expert group: members, task, deadline.</summary>
public static class ReferToExpertGroup
{
    public sealed class Command : ICommand<Guid>
    {
        public Guid SessionId { get; set; }
        public Guid AgendaItemId { get; set; }
        public string? Task { get; set; }
        public DateOnly? Deadline { get; set; }
        public List<Guid> MemberIds { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Task).NotEmpty().WithMessage(_ => text["Live.Validation.Task"]).MaximumLength(4000).WithMessage(_ => text["Validation.MaxLength", 4000]);
            RuleFor(x => x.Deadline).NotNull().WithMessage(_ => text["Live.Validation.Deadline"]);
            RuleFor(x => x.MemberIds).NotEmpty().WithMessage(_ => text["Live.Validation.ExpertMembers"]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.SignedIn(actor);
            if (!actor.Holds(commissionId, CommissionRole.CoChair))
            {
                throw new ForbiddenException("KZRU-20 (Regulation cl. 10): the co-chairs appoint an expert group.", "KZRU-20");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, LiveUpdates live, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var context = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
            if (!await db.Set<Domain.Sessions.AgendaItem>().AnyAsync(i => i.Id == request.AgendaItemId && i.SessionId == request.SessionId, cancellationToken))
            {
                throw new NotFoundException("Agenda item", request.AgendaItemId);
            }

            var unknown = request.MemberIds.Where(id => context.Register.All(r => r.Entry.MembershipId != id)).ToList();
            if (unknown.Count > 0)
            {
                throw new InputValidationException(nameof(Command.MemberIds), "KZRU-20: the expert group is made of members of the commission.");
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (request.Deadline <= today)
            {
                throw new InputValidationException(nameof(Command.Deadline), "KZRU-20: the group's deadline is a future date.");
            }

            var referral = new ExpertGroupReferral(Guid.CreateVersion7(), request.SessionId, request.AgendaItemId, request.Task!, request.Deadline!.Value, [.. request.MemberIds], actor.PersonId ?? Guid.Empty, clock.GetUtcNow());
            db.ExpertGroupReferrals.Add(referral);
            live.SessionChanged(request.SessionId, "referral");
            return referral.Id;
        }
    }
}
