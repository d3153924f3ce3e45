using FluentValidation;
using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Circulation;

/// <summary>
/// WF-04: the secretariat records a body's written answer to a circulated draft — agreed, agreed with remarks, or objections (remarks and
/// objections with their text) — and the day it came in. An answer that came in after the term is refused: the body is already deemed to
/// agree without remarks (seed 004 cl. 32). A second answer for the same body is refused; two secretaries at once: one wins (409). Audited.
/// </summary>
public static class RecordCirculationAnswer
{
    public sealed class Command : ICommand<MediatR.Unit>, ICommissionScoped
    {
        public Guid CirculationId { get; set; }
        public Guid BodyId { get; set; }
        public ApprovalStanding? Answer { get; set; }
        public string? Text { get; set; }
        /// <summary>The day the written answer came in; empty: today on the side's clock. Not in the future.</summary>
        public DateOnly? ReceivedOn { get; set; }
        /// <summary>The body's version as read (optional).</summary>
        public uint? Version { get; set; }

        public Guid CommissionId { get; internal set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Answer).NotNull().WithMessage(_ => text["Circulation.Validation.Answer"]);
            RuleFor(c => c.Answer).Must(a => a is ApprovalStanding s && DeemedAgreement.IsAnswer(s)).When(c => c.Answer is not null).WithMessage(_ => text["Circulation.Validation.Answer"]);
            RuleFor(c => c.Text).NotEmpty().When(c => c.Answer is ApprovalStanding.AgreedWithRemarks or ApprovalStanding.Disagreed)
                .WithMessage(_ => text["Circulation.Validation.Text"]);
            RuleFor(c => c.Text).MaximumLength(8000).WithMessage(_ => text["Validation.MaxLength", 8000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var parties = await CirculationAccess.OfAsync(db, request.CirculationId, cancellationToken);
            request.CommissionId = parties.CommissionId;
            CirculationAccess.RequireCirculate(actor, parties.CommissionId, parties.SideId);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, IStringLocalizer<SharedResource> text, TimeProvider clock) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var circulation = await db.Circulations.AsNoTracking().SingleAsync(c => c.Id == request.CirculationId, cancellationToken);
            var body = await db.CirculationBodies.SingleOrDefaultAsync(b => b.Id == request.BodyId && b.CirculationId == request.CirculationId, cancellationToken)
                ?? throw new NotFoundException("Circulation body", request.BodyId);
            if (request.Version is uint seen)
            {
                db.Entry(body).Property(b => b.Version).OriginalValue = seen;
            }

            var (_, today) = await ExecutionAccess.SideClockAsync(db, circulation.SideId, clock, cancellationToken);
            var receivedOn = request.ReceivedOn ?? today;
            if (receivedOn > today)
            {
                throw new InputValidationException(nameof(Command.ReceivedOn), text["Circulation.Validation.ReceivedInFuture"]);
            }

            body.RecordAnswer(request.Answer!.Value, string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim(), receivedOn, circulation.SentOn, circulation.DueOn,
                actor.PersonId!.Value, clock.GetUtcNow());
            return MediatR.Unit.Value;
        }
    }
}
