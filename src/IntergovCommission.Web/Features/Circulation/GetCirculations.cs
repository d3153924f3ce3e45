using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Circulation;

/// <summary>One body's line: its answer on record, or its outcome derived today (awaited, or deemed agreed once the term has passed: WF-04).</summary>
public sealed record CirculationBodyRow(Guid Id, string Organisation, ApprovalStanding Outcome, string? Text, DateOnly? ReceivedOn, DateTimeOffset? RecordedAt, uint Version);

/// <summary>A circulated draft with the term and each body's outcome as of today on the responsible side's clock.</summary>
public sealed record CirculationRow(Guid Id, Guid CommissionId, int Number, Guid SideId, string SideCode, string TitleRu, string? TitleKk, string? Document, DateOnly SentOn,
    DateOnly DueOn, IReadOnlyList<int> YearsWithoutCalendar, DateOnly Today, IReadOnlyList<CirculationBodyRow> Bodies)
{
    /// <summary>The term has passed or every body answered: nothing more is awaited.</summary>
    public bool Complete => Bodies.All(b => b.Outcome != ApprovalStanding.Awaiting);

    public int Count(ApprovalStanding outcome) => Bodies.Count(b => b.Outcome == outcome);
}

/// <summary>
/// WF-04: the drafts a commission has sent round, each body's answer or — derived on each read, never stored — its deemed agreement once
/// 2 working days have passed on the responsible side's calendar. The deemed agreement is not an event of its own: it follows from the
/// stored term and the absence of an answer, which the audit trail of the recorded answers shows.
/// </summary>
public static class GetCirculations
{
    public sealed record Query(Guid CommissionId, Guid? CirculationId = null) : IQuery<Result>;

    public sealed record SideRow(Guid Id, string Code, LocalizedText Name, bool CanCirculate);

    public sealed record Result(Guid CommissionId, LocalizedText CommissionName, IReadOnlyList<SideRow> Sides, IReadOnlyList<CirculationRow> Circulations)
    {
        public bool CanCirculate => Sides.Any(s => s.CanCirculate);
    }

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
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken) =>
            await LoadAsync(db, await actors.GetActorAsync(cancellationToken), clock, request, cancellationToken);
    }

    internal static async Task<Result> LoadAsync(CommissionDbContext db, Actor actor, TimeProvider clock, Query request, CancellationToken cancellationToken)
    {
        var name = await db.Commissions.AsNoTracking().Where(c => c.Id == request.CommissionId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Commission", request.CommissionId);
        var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).OrderBy(s => s.Code)
            .Select(s => new { s.Id, s.Code, s.Name, s.TimeZoneId }).ToListAsync(cancellationToken);
        var query = db.Circulations.AsNoTracking().Include(c => c.Bodies).Where(c => c.CommissionId == request.CommissionId);
        if (request.CirculationId is Guid one)
        {
            query = query.Where(c => c.Id == one);
        }

        var circulations = await query.OrderByDescending(c => c.Number).Take(200).ToListAsync(cancellationToken);
        if (request.CirculationId is Guid wanted && circulations.Count == 0)
        {
            throw new NotFoundException("Circulation", wanted);
        }

        var rows = circulations.Select(c =>
        {
            var side = sides.Single(s => s.Id == c.SideId);
            var today = ExecutionAccess.TodayIn(side.TimeZoneId, clock);
            return new CirculationRow(c.Id, c.CommissionId, c.Number, c.SideId, side.Code, c.TitleRu, c.TitleKk, c.Document, c.SentOn, c.DueOn, c.YearsWithoutCalendar, today,
                [.. c.Bodies.OrderBy(b => b.Organisation, StringComparer.Ordinal).Select(b => new CirculationBodyRow(b.Id, b.Organisation,
                    DeemedAgreement.Standing(c.DueOn, today, b.Answer, b.ReceivedOn), b.AnswerText, b.ReceivedOn, b.RecordedAt, b.Version))]);
        }).ToList();
        return new Result(request.CommissionId, name, [.. sides.Select(s => new SideRow(s.Id, s.Code, s.Name, CirculationAccess.MayCirculate(actor, request.CommissionId, s.Id)))], rows);
    }
}
