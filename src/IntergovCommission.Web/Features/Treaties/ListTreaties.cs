using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Treaties;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Treaties;

/// <summary>WF-07: the register of the treaties a commission serves, fields (1)-(8), with the year whose report is due and its deadline.</summary>
public static class ListTreaties
{
    public sealed record Query(Guid CommissionId) : IQuery<Result>;

    public sealed record Row(Guid Id, string NameRu, string? NameKk, DateOnly ConcludedOn, DateOnly? InForceOn, string? Validity, string? ResponsibleBodies,
        string? Subject, Guid ReportingSideId, string ReportingSide, bool ReportWritten, uint Version);

    public sealed record SideRow(Guid Id, string Code, LocalizedText Name);

    /// <param name="ReportYear">The year whose report is due next (up to 10 January: the past year).</param>
    public sealed record Result(Guid CommissionId, LocalizedText CommissionName, int ReportYear, DateOnly ReportDeadline, IReadOnlyList<Row> Treaties,
        IReadOnlyList<SideRow> Sides, bool CanKeepRegister);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == request.CommissionId).Select(c => new { c.Name }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Commission", request.CommissionId);
            var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).OrderBy(s => s.Code)
                .Select(s => new SideRow(s.Id, s.Code, s.Name)).ToListAsync(cancellationToken);
            var zone = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).OrderBy(s => s.Code).Select(s => s.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
            var today = zone is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : Execution.ExecutionAccess.TodayIn(zone, clock);
            var year = TreatyReportRules.CurrentReportYear(today);
            var rows = await (from t in db.Treaties.AsNoTracking()
                              join s in db.Sides on t.ReportingSideId equals s.Id
                              where t.CommissionId == request.CommissionId
                              orderby t.ConcludedOn, t.NameRu
                              select new Row(t.Id, t.NameRu, t.NameKk, t.ConcludedOn, t.InForceOn, t.Validity, t.ResponsibleBodies, t.Subject, t.ReportingSideId, s.Code,
                                  db.TreatyReports.Any(r => r.TreatyId == t.Id && r.Year == year && (r.Problems != null || r.Proposal != null)), t.Version))
                .ToListAsync(cancellationToken);
            return new Result(request.CommissionId, commission.Name, year, TreatyReportRules.DeadlineFor(year), rows, sides,
                actor.May(request.CommissionId, Capability.KeepTreatyRegister));
        }
    }
}
