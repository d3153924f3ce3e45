using FluentValidation;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>Which assignments the control list shows.</summary>
public enum ControlFilter
{
    /// <summary>Everything still on control (open, report submitted, returned).</summary>
    Unfinished = 1,
    /// <summary>Unfinished and due within N working days (not yet overdue).</summary>
    DueSoon = 2,
    Overdue = 3,
    Accepted = 4,
    Cancelled = 5,
    All = 6,
}

/// <summary>
/// KZRU-07: the control page of a commission (optionally one side): assignments with their deadline, working days left on the side's
/// calendar, overdue (derived today), filters by state, organisation and responsible person; counts; groups by organisation and by
/// responsible person. With Mine: the caller's own list of what they must report, across commissions. Ministries' systems pull it.
/// </summary>
public static class ListAssignments
{
    public sealed record Query(Guid? CommissionId, Guid? SideId = null, ControlFilter Filter = ControlFilter.Unfinished, int DueWithin = 5,
        string? Organisation = null, Guid? ResponsiblePersonId = null, bool Mine = false) : IQuery<Result>;

    /// <param name="WorkingDaysLeft">Working days from today to the deadline on the side's calendar (0 on the day; null once overdue or closed).</param>
    public sealed record Row(Guid Id, Guid CommissionId, string CommissionCode, int Number, string SideCode, string? TaskRu, string? TaskKk, string Organisation,
        Guid? ResponsiblePersonId, LocalizedText? ResponsiblePerson, string? ResponsibleName, AssignmentState State, DateOnly DueOn, DateOnly OriginalDueOn,
        bool Overdue, int? WorkingDaysLeft, bool CalendarMissing, string? DecisionNumber, AssignmentSource Source)
    {
        public string ResponsibleLabel(string language) => ResponsiblePerson?.For(language) ?? ResponsibleName ?? "—";
    }

    public sealed record Counts(int Unfinished, int DueSoon, int Overdue, int Accepted, int Cancelled, int Total);

    public sealed record Group(string Key, int Unfinished, int Overdue, int Accepted);

    /// <summary>A side of the commission and whether the caller may put assignments of it under control (asked of CreateAssignment's authorizer).</summary>
    public sealed record SideChoice(Guid Id, string Code, LocalizedText Name, bool CanRecord, bool CanGive);

    /// <param name="CanPutOnAgenda">The caller may put the unfinished assignments on the next draft agenda (asked of PutOnAgenda's authorizer).</param>
    public sealed record Result(IReadOnlyList<Row> Rows, Counts Counts, IReadOnlyList<Group> ByOrganisation, IReadOnlyList<Group> ByResponsible, int DueWithin,
        LocalizedText? CommissionName, IReadOnlyList<SideChoice> Sides, bool CanPutOnAgenda = false, Guid? NextDraftSessionId = null, int? NextDraftSessionNumber = null);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.CommissionId).NotNull().When(q => !q.Mine).WithMessage(_ => text["Execution.Validation.Commission"]);
            RuleFor(q => q.Filter).IsInEnum().WithMessage(_ => text["Execution.Validation.Filter"]);
            RuleFor(q => q.DueWithin).InclusiveBetween(1, 100).WithMessage(_ => text["Validation.Range", 1, 100]);
            RuleFor(q => q.Organisation).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        }
    }

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            if (request.CommissionId is Guid commissionId)
            {
                Require.InCommission(actor, commissionId);
            }
            else
            {
                Require.SignedIn(actor);
            }

            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var query = db.Assignments.AsNoTracking();
            if (request.CommissionId is Guid commissionId)
            {
                query = query.Where(a => a.CommissionId == commissionId);
            }

            if (request.Mine)
            {
                var me = actor.PersonId ?? Guid.Empty;
                query = query.Where(a => a.ResponsiblePersonId == me);
            }

            if (request.SideId is Guid sideId)
            {
                query = query.Where(a => a.SideId == sideId);
            }

            if (request.ResponsiblePersonId is Guid responsible)
            {
                query = query.Where(a => a.ResponsiblePersonId == responsible);
            }

            if (!string.IsNullOrWhiteSpace(request.Organisation))
            {
                var organisation = request.Organisation.Trim();
                query = query.Where(a => a.Organisation == organisation);
            }

            var rows = await (from a in query
                              join s in db.Sides on a.SideId equals s.Id
                              join c in db.Commissions on a.CommissionId equals c.Id
                              join p in db.People on a.ResponsiblePersonId equals p.Id into ps
                              from p in ps.DefaultIfEmpty()
                              join d in db.Decisions on a.DecisionId equals d.Id into ds
                              from d in ds.DefaultIfEmpty()
                              orderby a.DueOn, a.Number
                              select new
                              {
                                  a, s.Code, s.TimeZoneId, CommissionCode = c.Code, Person = p == null ? null : p.FullName, DecisionNumber = d == null ? null : d.Number,
                                  LastReport = db.AssignmentReports.Where(r => r.AssignmentId == a.Id && r.Outcome == ReportOutcome.Pending).Max(r => (DateOnly?)r.SubmittedOn),
                              }).ToListAsync(cancellationToken);
            var calendars = new Dictionary<string, WorkingDayCalendar>(StringComparer.Ordinal);
            foreach (var code in rows.Select(r => r.Code).Distinct())
            {
                calendars[code] = await WorkingDayCalendars.LoadAsync(db, code, cancellationToken);
            }

            var all = rows.Select(x =>
            {
                var today = ExecutionAccess.TodayIn(x.TimeZoneId, clock);
                var overdue = x.a.IsOverdue(today, x.LastReport);
                var unfinished = ExecutionRules.IsUnfinished(x.a.State);
                var left = unfinished && !overdue ? calendars[x.Code].WorkingDaysBetween(today, x.a.DueOn) : null;
                return new Row(x.a.Id, x.a.CommissionId, x.CommissionCode, x.a.Number, x.Code, x.a.TaskRu, x.a.TaskKk, x.a.Organisation, x.a.ResponsiblePersonId, x.Person,
                    x.a.ResponsibleName, x.a.State, x.a.DueOn, x.a.OriginalDueOn, overdue, left?.Days, x.a.YearsWithoutCalendar.Length > 0 || left?.YearsWithoutCalendar.Count > 0,
                    x.DecisionNumber, x.a.Source);
            }).ToList();
            bool DueSoon(Row r) => ExecutionRules.IsUnfinished(r.State) && !r.Overdue && r.WorkingDaysLeft <= request.DueWithin;
            var counts = new Counts(all.Count(r => ExecutionRules.IsUnfinished(r.State)), all.Count(DueSoon), all.Count(r => r.Overdue),
                all.Count(r => r.State == AssignmentState.Accepted), all.Count(r => r.State == AssignmentState.Cancelled), all.Count);
            var shown = request.Filter switch
            {
                ControlFilter.Unfinished => all.Where(r => ExecutionRules.IsUnfinished(r.State)),
                ControlFilter.DueSoon => all.Where(DueSoon),
                ControlFilter.Overdue => all.Where(r => r.Overdue),
                ControlFilter.Accepted => all.Where(r => r.State == AssignmentState.Accepted),
                ControlFilter.Cancelled => all.Where(r => r.State == AssignmentState.Cancelled),
                _ => all,
            };
            var list = shown.ToList();
            LocalizedText? name = null;
            List<SideChoice> sides = [];
            if (request.CommissionId is Guid id)
            {
                name = await db.Commissions.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
                sides = (await db.Sides.AsNoTracking().Where(s => s.CommissionId == id).OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken))
                    .Select(s => new SideChoice(s.Id, s.Code, s.Name, CreateAssignment.Authorizer.MayRecord(actor, id, s.Id), CreateAssignment.Authorizer.MayGive(actor, id, s.Id)))
                    .ToList();
            }

            var next = request.CommissionId is Guid forNext ? await PutOnAgenda.NextDraftAsync(db, forNext, clock, cancellationToken) : null;
            return new Result(list, counts, Groups(all, r => r.Organisation), Groups(all, r => r.ResponsibleLabel("ru")), request.DueWithin, name, sides,
                request.CommissionId is Guid scope && PutOnAgenda.Authorizer.May(actor, scope), next?.Id, next?.Number);
        }

        private static List<Group> Groups(IEnumerable<Row> rows, Func<Row, string> key) =>
            [.. rows.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Group(g.Key, g.Count(r => ExecutionRules.IsUnfinished(r.State)), g.Count(r => r.Overdue), g.Count(r => r.State == AssignmentState.Accepted)))];
    }
}
