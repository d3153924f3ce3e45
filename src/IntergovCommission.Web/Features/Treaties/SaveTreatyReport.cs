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
/// WF-07: the secretariat of the reporting side (for KZRU the Kazakh side, seed 004 cl. 2: the Kazakh central state body reports to the
/// Kazakh Ministry of Foreign Affairs) writes the measures and the other party's performance for field (9), field (10) and field (12) of a
/// year's report. The capability is the profile's (WriteTreatyReport, own side); the other side's secretary is refused. A second save names
/// the version it read (someone else's change first: 409). Field (11) is not here: the Ministry writes it. Audited.
/// </summary>
public static class SaveTreatyReport
{
    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        public Guid TreatyId { get; set; }
        public int Year { get; set; }
        /// <summary>(9) in words: the measures taken and the other party's performance.</summary>
        public string? Measures { get; set; }
        /// <summary>(10) problems and proposals to solve them.</summary>
        public string? Problems { get; set; }
        /// <summary>(12) continue, suspend, terminate, extend or other.</summary>
        public TreatyProposal? Proposal { get; set; }
        /// <summary>(12) in words; required for "other".</summary>
        public string? ProposalText { get; set; }
        /// <summary>The version of the report read (empty when none was written yet).</summary>
        public uint? Version { get; set; }

        public Guid CommissionId { get; internal set; }
    }

    public sealed record Result(Guid ReportId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Year).InclusiveBetween(TreatyRegister.FirstYear, 2100).WithMessage(_ => text["Treaties.Validation.Year", TreatyRegister.FirstYear, 2100]);
            RuleFor(c => c.Measures).MaximumLength(8000).WithMessage(_ => text["Validation.MaxLength", 8000]);
            RuleFor(c => c.Problems).MaximumLength(8000).WithMessage(_ => text["Validation.MaxLength", 8000]);
            RuleFor(c => c.ProposalText).MaximumLength(4000).WithMessage(_ => text["Validation.MaxLength", 4000]);
            RuleFor(c => c.Proposal).IsInEnum().When(c => c.Proposal is not null).WithMessage(_ => text["Treaties.Validation.Proposal"]);
            RuleFor(c => c.ProposalText).NotEmpty().When(c => c.Proposal == TreatyProposal.Other).WithMessage(_ => text["Treaties.Validation.ProposalText"]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var treaty = await TreatyRegister.PartiesAsync(db, request.TreatyId, cancellationToken);
            request.CommissionId = treaty.CommissionId;
            Require.May(actor, treaty.CommissionId, Capability.WriteTreatyReport, treaty.ReportingSideId);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var report = await db.TreatyReports.SingleOrDefaultAsync(r => r.TreatyId == request.TreatyId && r.Year == request.Year, cancellationToken);
            if (report is null)
            {
                if (request.Version is not null)
                {
                    throw new ConflictException("This report was not found at the version you read; reload the page.");
                }

                report = new TreatyReport(Guid.CreateVersion7(), request.TreatyId, request.Year, clock.GetUtcNow());
                db.TreatyReports.Add(report);
            }
            else
            {
                if (request.Version is not uint seen)
                {
                    throw new ConflictException("Someone else wrote this report after you opened it. Your input is kept below: reload to see their text, then save again.");
                }

                db.Entry(report).Property(r => r.Version).OriginalValue = seen;
            }

            report.Write(Clean(request.Measures), Clean(request.Problems), request.Proposal, Clean(request.ProposalText), actor.PersonId!.Value, clock.GetUtcNow());
            return new Result(report.Id);
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
