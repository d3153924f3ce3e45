using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Materials;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// One assignment with its deadline (in force and original, the rule, the flagged years), its reports and files, its extensions,
/// whether it is overdue today (derived), and what the caller may do (asked of the use cases' authorizers).
/// </summary>
public static class GetAssignment
{
    public sealed record Query(Guid AssignmentId) : IQuery<Result>;

    public sealed record FileRow(Guid Id, string FileName, MaterialFileType Type, long Size, string Sha256);

    public sealed record ReportRow(Guid Id, string Text, LocalizedText By, DateTimeOffset SubmittedAt, DateOnly SubmittedOn, ReportOutcome Outcome, string? ReturnReason,
        DateTimeOffset? DecidedAt, IReadOnlyList<FileRow> Files);

    public sealed record ExtensionRow(Guid Id, DateOnly PreviousDueOn, DateOnly ProposedDueOn, int? WorkingDays, DateOnly? CountedFrom, string Reason, LocalizedText By,
        DateTimeOffset RequestedAt, bool? Approved, DateTimeOffset? DecidedAt);

    public sealed record Rights(bool CanReport, bool CanDecide, bool CanCancel, bool CanRequestExtension, bool CanApproveExtension);

    public sealed record Result(Guid Id, Guid CommissionId, string CommissionCode, int Number, Guid SideId, string SideCode, string TimeZoneId, AssignmentSource Source,
        Guid? DecisionId, string? DecisionNumber, string? SourceAct, string? TaskRu, string? TaskKk, string Organisation, Guid? ResponsiblePersonId, LocalizedText? ResponsiblePerson,
        string? ResponsibleName, string? CoExecutors, LocalizedText Controller, AssignmentState State, DateOnly DueOn, DateOnly OriginalDueOn, Deadline Deadline,
        bool Overdue, string? CancelReason, uint Version, DateOnly Today, IReadOnlyList<ReportRow> Reports, IReadOnlyList<ExtensionRow> Extensions, Rights Viewer)
    {
        public ReportRow? Awaiting => State == AssignmentState.ReportSubmitted ? Reports.FirstOrDefault(r => r.Outcome == ReportOutcome.Pending) : null;
        public ExtensionRow? PendingExtension => Extensions.FirstOrDefault(e => e.Approved is null);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, (await ExecutionAccess.PartiesAsync(db, request.AssignmentId, cancellationToken)).CommissionId);
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var a = await db.Assignments.AsNoTracking().SingleAsync(x => x.Id == request.AssignmentId, cancellationToken);
            var side = await db.Sides.AsNoTracking().Where(s => s.Id == a.SideId).Select(s => new { s.Code, s.TimeZoneId }).SingleAsync(cancellationToken);
            var commissionCode = await db.Commissions.AsNoTracking().Where(c => c.Id == a.CommissionId).Select(c => c.Code).SingleAsync(cancellationToken);
            var decisionNumber = a.DecisionId is null ? null : await db.Decisions.AsNoTracking().Where(d => d.Id == a.DecisionId).Select(d => d.Number).SingleAsync(cancellationToken);
            var people = db.People.AsNoTracking();
            var responsible = a.ResponsiblePersonId is null ? null : await people.Where(p => p.Id == a.ResponsiblePersonId).Select(p => p.FullName).SingleAsync(cancellationToken);
            var controller = await people.Where(p => p.Id == a.ControllerPersonId).Select(p => p.FullName).SingleAsync(cancellationToken);
            var files = await (from f in db.AssignmentReportFiles.AsNoTracking()
                               join r in db.AssignmentReports on f.ReportId equals r.Id
                               where r.AssignmentId == a.Id
                               select new { f.ReportId, Row = new FileRow(f.Id, f.FileName, f.FileType, f.Size, f.Sha256) }).ToListAsync(cancellationToken);
            var reports = (await (from r in db.AssignmentReports.AsNoTracking()
                                  join p in db.People on r.SubmittedByPersonId equals p.Id
                                  where r.AssignmentId == a.Id
                                  orderby r.SubmittedAt descending
                                  select new { r, p.FullName }).ToListAsync(cancellationToken))
                .Select(x => new ReportRow(x.r.Id, x.r.Text, x.FullName, x.r.SubmittedAt, x.r.SubmittedOn, x.r.Outcome, x.r.ReturnReason, x.r.DecidedAt,
                    [.. files.Where(f => f.ReportId == x.r.Id).Select(f => f.Row)]))
                .ToList();
            var extensions = await (from e in db.DeadlineExtensions.AsNoTracking()
                                    join p in db.People on e.RequestedByPersonId equals p.Id
                                    where e.AssignmentId == a.Id
                                    orderby e.RequestedAt descending
                                    select new ExtensionRow(e.Id, e.PreviousDueOn, e.ProposedDueOn, e.WorkingDays, e.CountedFrom, e.Reason, p.FullName, e.RequestedAt, e.Approved, e.DecidedAt))
                .ToListAsync(cancellationToken);
            var today = ExecutionAccess.TodayIn(side.TimeZoneId, clock);
            var lastReport = reports.FirstOrDefault(r => r.Outcome == ReportOutcome.Pending)?.SubmittedOn;
            var parties = new AssignmentParties(a.Id, a.CommissionId, a.SideId, a.ResponsiblePersonId, a.ControllerPersonId);
            var unfinished = ExecutionRules.IsUnfinished(a.State);
            var viewer = new Rights(
                unfinished && SubmitReport.Authorizer.May(actor, parties),
                a.State == AssignmentState.ReportSubmitted && AcceptReport.Authorizer.May(actor, parties),
                unfinished && CancelAssignment.Authorizer.May(actor, parties),
                unfinished && extensions.All(e => e.Approved is not null) && RequestExtension.Authorizer.May(actor, parties),
                unfinished && extensions.Any(e => e.Approved is null) && ApproveExtension.Authorizer.May(actor, parties));
            return new Result(a.Id, a.CommissionId, commissionCode, a.Number, a.SideId, side.Code, side.TimeZoneId, a.Source, a.DecisionId, decisionNumber, a.SourceAct,
                a.TaskRu, a.TaskKk, a.Organisation, a.ResponsiblePersonId, responsible, a.ResponsibleName, a.CoExecutors, controller, a.State, a.DueOn, a.OriginalDueOn,
                a.Deadline, a.IsOverdue(today, lastReport), a.CancelReason, a.Version, today, reports, extensions, viewer);
        }
    }
}
