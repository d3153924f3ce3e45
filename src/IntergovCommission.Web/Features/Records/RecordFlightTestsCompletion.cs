using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Records;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Records;

/// <summary>
/// KZRU-22: a secretary records the date the commission's flight tests were completed, with the
/// act that states it; the records are then kept until that date plus the profile's years. A later
/// record replaces the term in force (both stay, and the change is audited).
/// </summary>
public static class RecordFlightTestsCompletion
{
    public const int MaxActLength = 500;

    public sealed record Command : ICommand<DateOnly>, ICommissionScoped
    {
        public Guid CommissionId { get; init; }

        public DateOnly? CompletedOn { get; init; }

        /// <summary>The act that states the completion: its authority, number and date.</summary>
        public string? Act { get; init; }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            if (!actor.May(request.CommissionId, Capability.KeepRecords))
            {
                // KZRU-22 for the commission; the council's rule for its records (the profile's grant).
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.KeepRecords, cancellationToken);
                throw new ForbiddenException("Only a secretary of the commission records the completion of the flight tests.", rule.Id);
            }
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, TimeProvider clock)
        {
            RuleFor(c => c.CompletedOn).NotNull().WithMessage(text["Records.Validation.CompletedOnRequired"]);
            RuleFor(c => c.CompletedOn).Must(d => d is null || d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
                .WithMessage(text["Records.Validation.CompletedOnFuture"]);
            RuleFor(c => c.Act).NotEmpty().WithMessage(text["Records.Validation.ActRequired"])
                .MaximumLength(MaxActLength).WithMessage(text["Records.Validation.ActTooLong", MaxActLength]);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, DateOnly>
    {
        public async Task<DateOnly> Handle(Command request, CancellationToken cancellationToken)
        {
            var profile = await CommissionAccess.ProfileOfAsync(db, request.CommissionId, cancellationToken);
            var keepUntil = RetentionTerm.KeepUntil(request.CompletedOn!.Value, RetentionTerm.RuleOf(profile));
            var actor = await actors.GetActorAsync(cancellationToken);
            db.RetentionBases.Add(new RetentionBasis(Guid.CreateVersion7(), request.CommissionId, request.CompletedOn, null, keepUntil, request.Act!.Trim(), clock.GetUtcNow(), actor.UserId));
            return keepUntil;
        }
    }
}
