using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Treaties;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Treaties;

/// <summary>
/// WF-07: the drafted annual report on one treaty for one year: fields (1)-(8) from the register, field (9)'s figures from the year's record
/// (computed now), what the reporting side's secretariat wrote for (9), (10) and (12), field (11) left for the Ministry of Foreign Affairs,
/// the 10 January deadline, and whether the caller may write.
/// </summary>
public static class GetTreatyReport
{
    public sealed record Query(Guid TreatyId, int Year) : IQuery<Result>;

    public sealed record Result(Guid TreatyId, Guid CommissionId, LocalizedText CommissionName, Guid ReportingSideId, string ReportingSide, int Year, DateOnly Deadline,
        DateOnly Today, TreatyDetails Treaty, uint TreatyVersion, TreatyYearFigures Figures, IntergovCommission.Documents.BilingualText Statistics, string? Measures, string? Problems,
        TreatyProposal? Proposal, string? ProposalText, DateTimeOffset? UpdatedAt, uint? Version, bool CanWrite, bool CanKeepRegister)
    {
        /// <summary>Past the deadline with fields (10) and (12) not written.</summary>
        public bool Late => Today > Deadline && (Problems is null || Proposal is null);
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(q => q.Year).InclusiveBetween(TreatyRegister.FirstYear, 2100).WithMessage(_ => text["Treaties.Validation.Year", TreatyRegister.FirstYear, 2100]);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, (await TreatyRegister.PartiesAsync(db, request.TreatyId, cancellationToken)).CommissionId);
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var t = await db.Treaties.AsNoTracking().SingleAsync(x => x.Id == request.TreatyId, cancellationToken);
            var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == t.CommissionId).Select(c => c.Name).SingleAsync(cancellationToken);
            var side = await db.Sides.AsNoTracking().Where(s => s.Id == t.ReportingSideId).Select(s => new { s.Code, s.TimeZoneId }).SingleAsync(cancellationToken);
            var report = await db.TreatyReports.AsNoTracking().SingleOrDefaultAsync(r => r.TreatyId == t.Id && r.Year == request.Year, cancellationToken);
            var figures = await TreatyRegister.FiguresAsync(db, t.CommissionId, request.Year, clock, cancellationToken);
            return new Result(t.Id, t.CommissionId, commission, t.ReportingSideId, side.Code, request.Year, TreatyReportRules.DeadlineFor(request.Year),
                ExecutionAccess.TodayIn(side.TimeZoneId, clock), t.Details, t.Version, figures, TreatyRegister.StatisticsText(figures),
                report?.Measures, report?.Problems, report?.Proposal, report?.ProposalText, report?.UpdatedAt, report?.Version,
                actor.May(t.CommissionId, Capability.WriteTreatyReport, t.ReportingSideId), actor.May(t.CommissionId, Capability.KeepTreatyRegister));
        }
    }
}
