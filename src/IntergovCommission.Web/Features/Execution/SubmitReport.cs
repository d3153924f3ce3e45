using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Materials;
using IntergovCommission.Web.Infrastructure.Files;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>A file sent with a report (the same upload rules as materials: type by content, size limit).</summary>
public sealed record ReportUpload(string? FileName, [property: System.Text.Json.Serialization.JsonIgnore] Stream Content);

/// <summary>
/// WF-05: the responsible person (or the secretary of the responsible side, recording what an organisation sent) posts a progress
/// report with files; the day it came in is taken on the side's clock and compared with the deadline. A report on an executed or
/// cancelled assignment is refused. An earlier report still waiting is superseded by the new one. Audited; the files and the
/// report commit together.
/// </summary>
public static class SubmitReport
{
    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        public Guid AssignmentId { get; set; }
        public string? Text { get; set; }
        /// <summary>The version read (optional: a report from a ministry's system may not know it).</summary>
        public uint? Version { get; set; }
        public IReadOnlyList<ReportUpload> Files { get; internal set; } = [];
        public Guid CommissionId { get; internal set; }
    }

    public sealed record Result(Guid ReportId, DateOnly SubmittedOn, bool Late);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Text).NotEmpty().WithMessage(_ => text["Execution.Validation.ReportText"])
                .MaximumLength(8000).WithMessage(_ => text["Validation.MaxLength", 8000]);
            RuleFor(c => c.Files.Count).LessThanOrEqualTo(10).WithName("Files").WithMessage(_ => text["Execution.Validation.TooManyFiles", 10]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        /// <summary>WF-05: the responsible person reports; the secretary of the responsible side records a report sent to them.</summary>
        public static bool May(Actor actor, AssignmentParties a) =>
            (a.ResponsiblePersonId is Guid p && p == actor.PersonId && actor.IsIn(a.CommissionId))
            || actor.May(a.CommissionId, Capability.ControlExecution, a.SideId);

        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var parties = await ExecutionAccess.PartiesAsync(db, request.AssignmentId, cancellationToken);
            request.CommissionId = parties.CommissionId;
            if (!May(actor, parties))
            {
                throw new ForbiddenException("WF-05: the responsible person reports on an assignment, or the secretary of its side records the report.", "WF-05");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, FileStore files, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var assignment = await ExecutionAccess.ForChangeAsync(db, request.AssignmentId, request.Version, cancellationToken);
            var (_, today) = await ExecutionAccess.SideClockAsync(db, assignment.SideId, clock, cancellationToken);
            foreach (var waiting in db.AssignmentReports.Where(r => r.AssignmentId == assignment.Id && r.Outcome == Domain.Execution.ReportOutcome.Pending))
            {
                waiting.Supersede();
            }

            var report = assignment.Report(Guid.CreateVersion7(), request.Text!, actor.PersonId!.Value, clock.GetUtcNow(), today);
            db.AssignmentReports.Add(report);
            var materialsRule = (await Commissions.CommissionRules.ProfileAsync(db, assignment.CommissionId, cancellationToken)).RuleOnMaterials();
            foreach (var upload in request.Files)
            {
                var (file, type) = await files.AddAsync(upload.Content, materialsRule, cancellationToken);
                db.AssignmentReportFiles.Add(new AssignmentReportFile(Guid.CreateVersion7(), report.Id, file.Id, MaterialAccess.SanitiseFileName(upload.FileName, type), type, file.Size, file.Sha256));
            }

            return new Result(report.Id, today, today > assignment.DueOn);
        }
    }
}
