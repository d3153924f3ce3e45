using FluentValidation;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Treaties;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Treaties;

/// <summary>
/// WF-07: a secretary enters a treaty the commission serves into its register, or corrects one: fields (1)-(8) and the reporting side
/// (whose secretariat writes the annual report). A correction names the version it was read at (someone else's change first: 409). Audited.
/// </summary>
public static class SaveTreaty
{
    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        /// <summary>Empty: a new treaty; otherwise the treaty to correct.</summary>
        public Guid? TreatyId { get; set; }
        public Guid CommissionId { get; set; }
        /// <summary>The side whose central state body reports on the treaty (for KZRU: the Kazakh side).</summary>
        public Guid ReportingSideId { get; set; }
        public string? NameRu { get; set; }
        public string? NameKk { get; set; }
        public DateOnly? ConcludedOn { get; set; }
        public string? SigningActs { get; set; }
        public DateOnly? InForceOn { get; set; }
        public string? InForceActs { get; set; }
        public string? Validity { get; set; }
        public string? ResponsibleBodies { get; set; }
        public string? Subject { get; set; }
        /// <summary>The version read (required to correct).</summary>
        public uint? Version { get; set; }
    }

    public sealed record Result(Guid TreatyId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.NameRu).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.NameKk)).WithMessage(_ => text["Treaties.Validation.Name"]);
            RuleFor(c => c.NameRu).MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(c => c.NameKk).MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(c => c.ConcludedOn).NotNull().WithMessage(_ => text["Treaties.Validation.ConcludedOn"]);
            RuleFor(c => c.InForceOn).GreaterThanOrEqualTo(c => c.ConcludedOn).When(c => c.InForceOn is not null && c.ConcludedOn is not null)
                .WithMessage(_ => text["Treaties.Validation.InForceOn"]);
            RuleFor(c => c.SigningActs).MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(c => c.InForceActs).MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(c => c.Validity).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
            RuleFor(c => c.ResponsibleBodies).MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(c => c.Subject).MaximumLength(4000).WithMessage(_ => text["Validation.MaxLength", 4000]);
            RuleFor(c => c.Version).NotNull().When(c => c.TreatyId is not null).WithMessage(_ => text["Treaties.Validation.Version"]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            if (request.TreatyId is Guid id)
            {
                request.CommissionId = (await TreatyRegister.PartiesAsync(db, id, cancellationToken)).CommissionId;
            }

            Require.May(actor, request.CommissionId, Capability.KeepTreatyRegister);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, IStringLocalizer<SharedResource> text, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            if (!await db.Sides.AnyAsync(s => s.Id == request.ReportingSideId && s.CommissionId == request.CommissionId, cancellationToken))
            {
                throw new InputValidationException(nameof(Command.ReportingSideId), text["Treaties.Validation.Side"]);
            }

            var details = new TreatyDetails(Clean(request.NameRu), Clean(request.NameKk), request.ConcludedOn!.Value, Clean(request.SigningActs), request.InForceOn,
                Clean(request.InForceActs), Clean(request.Validity), Clean(request.ResponsibleBodies), Clean(request.Subject));
            if (request.TreatyId is not Guid id)
            {
                var treaty = new Treaty(Guid.CreateVersion7(), request.CommissionId, request.ReportingSideId, details, actor.PersonId!.Value, clock.GetUtcNow());
                db.Treaties.Add(treaty);
                return new Result(treaty.Id);
            }

            var existing = await db.Treaties.SingleAsync(t => t.Id == id, cancellationToken);
            db.Entry(existing).Property(t => t.Version).OriginalValue = request.Version!.Value;
            existing.Change(request.ReportingSideId, details);
            return new Result(existing.Id);
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
