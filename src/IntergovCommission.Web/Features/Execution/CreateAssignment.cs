using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// An assignment is put under control (KZRU-07, WF-05, WF-06): from a decision, entered while it is drafted or after it is issued
/// (recorded by the secretary of the responsible side), or by a co-chair's own act (KZRU-05: an assignment to a member, or a requirement that an organisation
/// submit materials, a report or a conclusion by a date). The deadline is a date, or N working days counted on the calendar of
/// the responsible side's country; the computed date is stored with its rule. The controller is a secretary of that side (by
/// default the side's secretary). Audited.
/// </summary>
public static class CreateAssignment
{
    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        public Guid CommissionId { get; set; }
        /// <summary>The responsible side: its calendar counts working days; its co-chair approves extensions.</summary>
        public Guid SideId { get; set; }
        public AssignmentSource Source { get; set; } = AssignmentSource.Decision;
        /// <summary>The issued decision (Source = Decision).</summary>
        public Guid? DecisionId { get; set; }
        /// <summary>The co-chair's act (Source = CoChairAct), or the point of the decision.</summary>
        public string? SourceAct { get; set; }
        public string? TaskRu { get; set; }
        public string? TaskKk { get; set; }
        public string? Organisation { get; set; }
        /// <summary>The responsible person on the commission's roster (who reports), if any.</summary>
        public Guid? ResponsiblePersonId { get; set; }
        public string? ResponsibleName { get; set; }
        public string? CoExecutors { get; set; }
        /// <summary>A secretary of the responsible side; empty: that side's secretary.</summary>
        public Guid? ControllerPersonId { get; set; }
        /// <summary>The deadline as a date (or give <see cref="WorkingDays"/>).</summary>
        public DateOnly? DueOn { get; set; }
        /// <summary>The deadline as N working days on the side's country calendar (or give <see cref="DueOn"/>).</summary>
        public int? WorkingDays { get; set; }
        /// <summary>The date the working days are counted from (not counted itself); empty: today on the side's clock.</summary>
        public DateOnly? CountFrom { get; set; }
    }

    public sealed record Result(Guid AssignmentId, int Number, DateOnly DueOn, string Rule, IReadOnlyList<int> YearsWithoutCalendar);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Source).IsInEnum().WithMessage(_ => text["Execution.Validation.Source"]);
            RuleFor(c => c.DecisionId).NotNull().When(c => c.Source == AssignmentSource.Decision).WithMessage(_ => text["Execution.Validation.Decision"]);
            RuleFor(c => c.SourceAct).NotEmpty().When(c => c.Source == AssignmentSource.CoChairAct).WithMessage(_ => text["Execution.Validation.SourceAct"]);
            RuleFor(c => c.SourceAct).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
            RuleFor(c => c.TaskRu).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.TaskKk)).WithMessage(_ => text["Execution.Validation.Task"]);
            RuleFor(c => c.TaskRu).MaximumLength(4000).WithMessage(_ => text["Validation.MaxLength", 4000]);
            RuleFor(c => c.TaskKk).MaximumLength(4000).WithMessage(_ => text["Validation.MaxLength", 4000]);
            RuleFor(c => c.Organisation).NotEmpty().WithMessage(_ => text["Execution.Validation.Organisation"])
                .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(c => c.ResponsibleName).MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
            RuleFor(c => c.CoExecutors).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
            RuleFor(c => c.DueOn).NotNull().When(c => c.WorkingDays is null).WithMessage(_ => text["Execution.Validation.Deadline"]);
            RuleFor(c => c.WorkingDays).Null().When(c => c.DueOn is not null).WithMessage(_ => text["Execution.Validation.DeadlineOne"]);
            RuleFor(c => c.WorkingDays).InclusiveBetween(1, WorkingDayCalendar.MaxWorkingDays).When(c => c.WorkingDays is not null)
                .WithMessage(_ => text["Calendars.Validation.Days", WorkingDayCalendar.MaxWorkingDays]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        /// <summary>KZRU-07: the secretary of the responsible side records the assignments of an issued decision.</summary>
        public static bool MayRecord(Actor actor, Guid commissionId, Guid sideId) =>
            actor.May(commissionId, Capability.RecordAssignments, sideId);

        /// <summary>KZRU-05: a co-chair gives assignments (and requires reports) on their own side.</summary>
        public static bool MayGive(Actor actor, Guid commissionId, Guid sideId) =>
            actor.May(commissionId, Capability.GiveAssignments, sideId);

        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var gives = request.Source == AssignmentSource.CoChairAct;
            var allowed = gives
                ? MayGive(actor, request.CommissionId, request.SideId)
                : MayRecord(actor, request.CommissionId, request.SideId);
            if (!allowed)
            {
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, gives ? Capability.GiveAssignments : Capability.RecordAssignments, cancellationToken);
                throw gives
                    ? ForbiddenException.ByRule(rule, "Execution.Refused.Give", "{0} (Regulation {1}): a co-chair gives assignments to their own side's members and organisations.")
                    : ForbiddenException.ByRule(rule, "Execution.Refused.Record", "{0} (Regulation {1}): the secretary of the responsible side puts a decision's assignments under control.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, IStringLocalizer<SharedResource> text, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            if (!await db.Sides.AnyAsync(s => s.Id == request.SideId && s.CommissionId == request.CommissionId, cancellationToken))
            {
                throw new InputValidationException(nameof(Command.SideId), text["Execution.Validation.Side"]);
            }

            if (request.Source == AssignmentSource.Decision)
            {
                var state = await db.Decisions.Where(d => d.Id == request.DecisionId && d.CommissionId == request.CommissionId).Select(d => (DecisionState?)d.State).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new InputValidationException(nameof(Command.DecisionId), text["Execution.Validation.Decision"]);
                // Issue 13: assignments are entered while the decision is drafted (adopted, on its signing route, approved) or after it is
                // issued; a superseded version is not the decision any more (its correction is).
                if (state == DecisionState.Superseded)
                {
                    var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.RecordAssignments, cancellationToken);
                    throw new RuleViolationException(rule.Id, "Execution.Rule.DecisionSuperseded", "{0} (Regulation {1}): this version of the decision was superseded by a correction; enter the assignment on the current version.", rule.Id, rule.Clause);
                }
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (request.ResponsiblePersonId is Guid responsible && !await db.Memberships.AnyAsync(m => m.PersonId == responsible && m.CommissionId == request.CommissionId
                    && m.EndedOn == null && (m.TermEnd == null || m.TermEnd >= today), cancellationToken))
            {
                throw new InputValidationException(nameof(Command.ResponsiblePersonId), text["Execution.Validation.Responsible"]);
            }

            var controller = await ControllerAsync(request, actor, cancellationToken);
            var (country, sideToday) = await ExecutionAccess.SideClockAsync(db, request.SideId, clock, cancellationToken);
            var deadline = await ExecutionAccess.DeadlineAsync(db, country, sideToday, request.DueOn, request.WorkingDays, request.CountFrom, k => text[k].Value, cancellationToken);
            var number = (await db.Assignments.Where(a => a.CommissionId == request.CommissionId).MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0) + 1;
            var assignment = new Assignment(Guid.CreateVersion7(), request.CommissionId, request.SideId, number, request.Source,
                request.Source == AssignmentSource.Decision ? request.DecisionId : null, request.SourceAct,
                new AssignmentContent(request.TaskRu, request.TaskKk, request.Organisation!, request.ResponsiblePersonId, request.ResponsibleName, request.CoExecutors),
                controller, deadline, actor.PersonId!.Value, clock.GetUtcNow());
            db.Assignments.Add(assignment);
            return new Result(assignment.Id, number, deadline.Due, deadline.RuleText, deadline.YearsWithoutCalendar);
        }

        private async Task<Guid> ControllerAsync(Command request, Actor actor, CancellationToken ct)
        {
            // The controller: a holder of ControlExecution for that side by the profile (KZRU: the side's secretary).
            var profile = await Commissions.CommissionRules.ProfileAsync(db, request.CommissionId, ct);
            var controllerRoles = profile.RolesFor(Capability.ControlExecution);
            var anySide = profile.Grant(Capability.ControlExecution)?.Scope == CapabilityScope.AnySide;
            var secretaries = await db.Memberships.Where(m => m.CommissionId == request.CommissionId && (anySide || m.SideId == request.SideId) && controllerRoles.Contains(m.Role) && m.EndedOn == null)
                .Select(m => m.PersonId).ToListAsync(ct);
            if (request.ControllerPersonId is Guid chosen)
            {
                return secretaries.Contains(chosen) ? chosen : throw new InputValidationException(nameof(Command.ControllerPersonId), text["Execution.Validation.Controller"]);
            }

            if (actor.PersonId is Guid me && secretaries.Contains(me))
            {
                return me;
            }

            return secretaries.Count > 0 ? secretaries[0] : throw new InputValidationException(nameof(Command.ControllerPersonId), text["Execution.Validation.Controller"]);
        }
    }
}
