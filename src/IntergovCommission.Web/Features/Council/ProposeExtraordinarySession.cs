using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Council;

/// <summary>
/// CIS-04 (Regulation s. 5.2): a member proposes, on behalf of their state, an extraordinary session; the
/// other states answer (<see cref="AnswerExtraordinaryProposal"/>); once more than half of the states support
/// it, the secretariat convenes it. The proposing state's support is counted at once.
/// </summary>
public static class ProposeExtraordinarySession
{
    public sealed class Command : ICommand<Guid>
    {
        public Guid CommissionId { get; set; }
        public string? Subject { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.Subject).NotEmpty().WithMessage(_ => text["Council.Validation.Subject"])
                .MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.May(actor, request.CommissionId, Capability.ProposeExtraordinarySession);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, Notifications.Notifier notifier, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken);
            if (profile.Frequency is null)
            {
                throw new RuleViolationException(profile.Composition.Rule.Id, "Rule.Extraordinary.None",
                    "{0} (Regulation {1}): this body's regulation has no extraordinary sessions on a state's proposal.", profile.Composition.Rule.Id, profile.Composition.Rule.Clause);
            }

            var seat = actor.Memberships.First(m => m.CommissionId == request.CommissionId && m.SideId != null && profile.Permits(m.Seat, Capability.ProposeExtraordinarySession));
            var proposal = new ExtraordinaryProposal(Guid.CreateVersion7(), request.CommissionId, seat.SideId!.Value, actor.PersonId ?? Guid.Empty, request.Subject!, clock.GetUtcNow());
            db.ExtraordinaryProposals.Add(proposal);
            await notifier.ToHoldersAsync(request.CommissionId, Capability.ProposeExtraordinarySession, null, "extraordinary-proposed",
                "Council.Event.ExtraordinaryProposed", $"/Commissions/Extraordinary/{request.CommissionId}", cancellationToken, proposal.Subject);
            return proposal.Id;
        }
    }
}
