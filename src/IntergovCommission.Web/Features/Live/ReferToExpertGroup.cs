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
/// KZRU-20: the co-chairs presiding at the session (or the deputy standing in for an absent
/// co-chair, KZRU-10) refer a disputed item to an expert group: members from the commission's
/// roster, task, deadline. Only an item without an adopted decision, without an open vote, not
/// deferred and not referred before. The group's proposal later comes back onto a later session's
/// agenda (<see cref="Agenda.ReturnFromExpertGroup"/>).
/// </summary>
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
        public Validator(IStringLocalizer<SharedResource> text, TimeProvider clock)
        {
            RuleFor(x => x.Task).NotEmpty().WithMessage(_ => text["Live.Validation.Task"]).MaximumLength(4000).WithMessage(_ => text["Validation.MaxLength", 4000]);
            RuleFor(x => x.Deadline).NotNull().WithMessage(_ => text["Live.Validation.Deadline"])
                .Must(d => d > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).When(x => x.Deadline is not null).WithMessage(_ => text["Live.Validation.DeadlineFuture"]);
            RuleFor(x => x.MemberIds).NotEmpty().WithMessage(_ => text["Live.Validation.ExpertMembers"]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.SignedIn(actor);
            Require.May(actor, commissionId, Capability.ReferToExpertGroup);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, TimeProvider clock, IStringLocalizer<SharedResource> text) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            // The session's row lock orders referrals and deferrals of its items (the unique index is the backstop).
            await Sessions.SessionAccess.LoadForChangeAsync(db, request.SessionId, null, cancellationToken);
            var context = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
            context.RequireInProgress();
            var me = context.RowOf(actor.PersonId);
            if (me is null || SessionRules.Presiding(context.Profile, context.Entries, context.Office).All(p => p.MembershipId != me.Entry.MembershipId))
            {
                var rule = context.Profile.RuleFor(Capability.ReferToExpertGroup);
                throw new Domain.Common.RuleViolationException(rule.Id, "Rule.Expert.NotPresiding", "{0} (Regulation {1}): the persons presiding at the session appoint an expert group.", rule.Id, rule.Clause);
            }

            var position = await db.AgendaItems.AsNoTracking()
                .Where(i => i.Id == request.AgendaItemId && i.SessionId == request.SessionId)
                .Select(i => (int?)i.Position)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Agenda item", request.AgendaItemId);
            await Agenda.ItemHistories.LockItemAsync(db, request.AgendaItemId, cancellationToken);
            var standings = await Agenda.ItemHistories.StandingsAsync(db, request.SessionId, cancellationToken);
            ExpertGroupReferral.RequireMayRefer(position, standings[request.AgendaItemId]);

            var eligible = context.Register.Where(r => !r.Takes.RepresentsAnother).Select(r => r.Entry.MembershipId).ToHashSet();
            if (request.MemberIds.Any(id => !eligible.Contains(id)))
            {
                throw new InputValidationException(nameof(Command.MemberIds), text["Live.Validation.ExpertMembersUnknown"]);
            }

            var referral = new ExpertGroupReferral(Guid.CreateVersion7(), request.SessionId, request.AgendaItemId, request.Task!, request.Deadline!.Value, [.. request.MemberIds], actor.PersonId ?? Guid.Empty, clock.GetUtcNow());
            db.ExpertGroupReferrals.Add(referral);
            live.SessionChanged(request.SessionId, "referral");
            return referral.Id;
        }
    }
}
