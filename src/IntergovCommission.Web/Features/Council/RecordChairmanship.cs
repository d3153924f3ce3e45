using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Council;

/// <summary>
/// CIS-03 (Regulation s. 4.3): the secretariat records the next chair's term. The system proposes the next
/// state in Russian alphabetical order for the profile's longest term; another state or a longer term
/// needs the council's decision, recorded as the basis.
/// </summary>
public static class RecordChairmanship
{
    public sealed class Command : ICommand<Guid>
    {
        public Guid CommissionId { get; set; }
        public Guid SideId { get; set; }
        public DateOnly StartsOn { get; set; }
        public DateOnly EndsOn { get; set; }
        public string? Basis { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.SideId).NotEmpty().WithMessage(_ => text["Council.Validation.State"]);
            RuleFor(x => x.StartsOn).NotEqual(default(DateOnly)).WithMessage(_ => text["Council.Validation.StartsOn"]);
            RuleFor(x => x.EndsOn).NotEqual(default(DateOnly)).WithMessage(_ => text["Council.Validation.EndsOn"]);
            RuleFor(x => x.Basis).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
        }
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            if (!actor.IsAdministrator)
            {
                Require.May(actor, request.CommissionId, Capability.KeepRoster);
            }

            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken);
            if (profile.Presiding.Mode != PresidingMode.RotatingChair)
            {
                var rule = profile.Presiding.Rule;
                throw new RuleViolationException(rule.Id, "Rule.Chair.NotRotating", "{0} (Regulation {1}): this body has no rotating chair; each side's co-chair presides.", rule.Id, rule.Clause);
            }

            // One writer at a time per commission: two terms recorded at once cannot overlap.
            await db.Database.ExecuteSqlAsync($"SELECT id FROM commissions WHERE id = {request.CommissionId} FOR UPDATE", cancellationToken);
            var order = await CommissionRules.RotationOrderAsync(db, request.CommissionId, cancellationToken);
            if (!order.Contains(request.SideId))
            {
                throw new InputValidationException(nameof(Command.SideId), "Council.Validation.UnknownState");
            }

            var terms = await CommissionRules.TermsAsync(db, request.CommissionId, cancellationToken);
            var term = new ChairTerm(request.SideId, request.StartsOn, request.EndsOn);
            ChairRotation.CheckTerm(terms, order, profile.Presiding, term, request.Basis, clock.Today());
            var chairmanship = new Chairmanship(Guid.CreateVersion7(), request.CommissionId, request.SideId, request.StartsOn, request.EndsOn, request.Basis, clock.GetUtcNow(), actor.PersonId);
            db.Chairmanships.Add(chairmanship);
            return chairmanship.Id;
        }
    }
}
