using IntergovCommission.Domain.Calendars;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Features.Execution;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the calendar and execution endpoints.</summary>
public static class ExecutionApiBodies
{
    /// <param name="Source">The decree (number and date) or the publications the year is entered from.</param>
    /// <param name="Provisional">A date of the year is an estimate.</param>
    /// <param name="Version">The version read with GET (null to enter a new year).</param>
    public sealed record CalendarYearBody(string? Source, bool Provisional, uint? Version);

    /// <param name="Kind">Holiday, DayOff (moved; give MovedFrom), WorkingWeekend or Shortened (still a working day).</param>
    /// <param name="Version">The year's version read with GET.</param>
    public sealed record CalendarDayBody(CalendarDayKind Kind, DateOnly? MovedFrom, string? Note, uint Version);

    /// <param name="Version">The assignment's version as read (optional): a stale one is refused (409).</param>
    public sealed record AcceptBody(Guid ReportId, uint? Version);

    /// <param name="Reason">Why the report is returned (WF-02: always reasoned).</param>
    public sealed record ReturnBody(Guid ReportId, string? Reason, uint? Version);

    public sealed record CancelBody(string? Reason, uint? Version);

    /// <param name="DueOn">The new deadline as a date, or give WorkingDays (and CountFrom).</param>
    public sealed record ExtensionBody(DateOnly? DueOn, int? WorkingDays, DateOnly? CountFrom, string? Reason);

    /// <param name="SessionId">The session whose draft agenda receives the items.</param>
    public sealed record ToAgendaBody(Guid SessionId);

    /// <param name="Approve">True approves (the new deadline is in force); false refuses.</param>
    public sealed record ExtensionDecisionBody(bool Approve);
}

/// <summary>
/// /api/v1 endpoints for the working-day calendars (WF-06): read a year, count N working days on a country's calendar, and (an
/// administrator) enter a year and its days; each edit answers with the deadlines it moved.
/// </summary>
public static class ExecutionEndpoints
{
    public static void MapExecutionApi(this RouteGroupBuilder api)
    {
        var calendars = api.MapGroup("/calendars").WithTags("Working-day calendars");
        calendars.MapGet("/{country}/{year:int}", (string country, int year, IMediator m, CancellationToken ct) => m.Send(new GetCalendarYear.Query(country, year), ct))
            .WithName("GetCalendarYear").WithSummary("A country's working-day calendar for a year: source, holidays, moved days off (with the date moved from), working weekend days, shortened days, the number of working days; entered=false when the year is not entered.");
        calendars.MapGet("/{country}/working-days", (string country, DateOnly from, int days, IMediator m, CancellationToken ct) => m.Send(new CountWorkingDays.Query(country, from, days), ct))
            .WithName("CountWorkingDays").WithSummary("The date N working days after `from` on the country's calendar (day 1 is the first working day after it), with the rule text and the years counted on weekends only because no calendar is entered.");
        calendars.MapPut("/{country}/{year:int}", (string country, int year, ExecutionApiBodies.CalendarYearBody body, IMediator m, CancellationToken ct) =>
                m.Send(new SaveCalendarYear.Command { Country = country, Year = year, Source = body.Source, Provisional = body.Provisional, Version = body.Version }, ct))
            .WithName("SaveCalendarYear").WithSummary("An administrator enters a year (version null) or corrects its source; answers with the deadlines that moved.");
        calendars.MapPut("/{country}/days/{date}", (string country, DateOnly date, ExecutionApiBodies.CalendarDayBody body, IMediator m, CancellationToken ct) =>
                m.Send(new SaveCalendarDay.Command { Country = country, Date = date, Kind = body.Kind, MovedFrom = body.MovedFrom, Note = body.Note, Version = body.Version }, ct))
            .WithName("SaveCalendarDay").WithSummary("An administrator records or corrects a day of an entered year; deadlines counted on the calendar are counted again and the moved ones returned.");
        calendars.MapDelete("/{country}/days/{date}", (string country, DateOnly date, uint version, IMediator m, CancellationToken ct) =>
                m.Send(new RemoveCalendarDay.Command { Country = country, Date = date, Version = version }, ct))
            .WithName("RemoveCalendarDay").WithSummary("An administrator removes a day from an entered year (send the year's version as ?version=); answers with the deadlines that moved.");

        var control = api.MapGroup("/commissions/{commissionId:guid}/assignments").WithTags("Assignments");
        control.MapGet("/", (Guid commissionId, Guid? sideId, ControlFilter? filter, int? dueWithin, Guid? responsiblePersonId, IMediator m, CancellationToken ct) =>
                m.Send(new ListAssignments.Query(commissionId, sideId, filter ?? ControlFilter.Unfinished, dueWithin ?? 5, null, responsiblePersonId), ct))
            .WithName("ListAssignments").WithSummary("The control list (KZRU-07): assignments with deadline, working days left and overdue (derived today on the side's calendar), counts, groups by organisation and responsible person. Filters: sideId, filter (Unfinished, DueSoon, Overdue, Accepted, Cancelled, All), dueWithin (working days), responsiblePersonId (the organisation groups are in the answer).");
        control.MapPost("/", async (Guid commissionId, CreateAssignment.Command command, IMediator m, CancellationToken ct) =>
            {
                command.CommissionId = commissionId;
                var result = await m.Send(command, ct);
                return Results.Created($"/api/v1/assignments/{result.AssignmentId}", result);
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateAssignment").WithSummary("Put an assignment under control: from an issued decision (the side's secretary) or a co-chair's act (KZRU-05, that side's co-chair); deadline as dueOn or workingDays on the side's country calendar (WF-06). Send an Idempotency-Key.");

        control.MapGet("/report.pdf", async (Guid commissionId, DateOnly from, DateOnly to, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetExecutionReportPdf.Query(commissionId, from, to), ct);
                return Results.File(file.Content, Features.Documents.PdfFile.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithName("ExecutionReportPdf").WithSummary("The consolidated execution report of a period (WF-05) as a bilingual PDF: every assignment grouped by organisation, totals, execution discipline.");
        control.MapGet("/report.csv", async (Guid commissionId, DateOnly from, DateOnly to, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetExecutionReportCsv.Query(commissionId, from, to), ct);
                return Results.File(file.Content, "text/csv; charset=utf-8", file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("ExecutionReportCsv").WithSummary("The same report as CSV (UTF-8, ';'); a cell that starts with = + - @ is neutralised with a leading apostrophe.");

        control.MapGet("/discipline", (Guid commissionId, DateOnly from, DateOnly to, IMediator m, CancellationToken ct) =>
                m.Send(new GetExecutionDiscipline.Query(commissionId, from, to), ct))
            .WithName("ExecutionDiscipline").WithSummary("Execution discipline per organisation for a period (WF-05): assignments due, done on time, late, open, overdue, cancelled, and the share on time (onTimePercent).");
        control.MapPost("/to-agenda", (Guid commissionId, ExecutionApiBodies.ToAgendaBody body, IMediator m, CancellationToken ct) =>
                m.Send(new PutOnAgenda.Command(commissionId, body.SessionId), ct))
            .WithName("PutAssignmentsOnAgenda").WithSummary("A secretary puts the unfinished assignments on the draft agenda of a session in preparation (sessionId), one item \"on the execution of decision N\" per decision (KZRU-07); an item already there is not added twice.");

        var assignments = api.MapGroup("/assignments").WithTags("Assignments");
        assignments.MapGet("/mine", (IMediator m, CancellationToken ct) => m.Send(new ListAssignments.Query(null, Filter: ControlFilter.All, Mine: true), ct))
            .WithName("MyAssignments").WithSummary("The caller's own assignments (where they are the responsible person), across commissions.");
        assignments.MapGet("/{assignmentId:guid}", (Guid assignmentId, IMediator m, CancellationToken ct) => m.Send(new GetAssignment.Query(assignmentId), ct))
            .WithName("GetAssignment").WithSummary("An assignment: deadline in force and original with its rule, reports with files, extensions, overdue today, and what the caller may do.");
        assignments.MapPost("/{assignmentId:guid}/reports", async (Guid assignmentId, [Microsoft.AspNetCore.Mvc.FromForm] string? text, IFormFileCollection? files, IMediator m, CancellationToken ct) =>
            {
                var streams = new List<Stream>();
                try
                {
                    var uploads = new List<ReportUpload>();
                    foreach (var file in files ?? new FormFileCollection())
                    {
                        var stream = file.OpenReadStream();
                        streams.Add(stream);
                        uploads.Add(new ReportUpload(file.FileName, stream));
                    }

                    var result = await m.Send(new SubmitReport.Command { AssignmentId = assignmentId, Text = text, Files = uploads }, ct);
                    return Results.Created($"/api/v1/assignments/{assignmentId}", result);
                }
                finally
                {
                    foreach (var stream in streams)
                    {
                        await stream.DisposeAsync();
                    }
                }
            })
            .DisableAntiforgery()
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("SubmitAssignmentReport").WithSummary("Post a progress report as multipart/form-data (text, files…; the materials' upload rules) (WF-05): the responsible person or the side's secretary. Send an Idempotency-Key.");
        assignments.MapGet("/{assignmentId:guid}/files/{fileId:guid}", async (Guid assignmentId, Guid fileId, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetReportFile.Query(assignmentId, fileId), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("DownloadAssignmentReportFile").WithSummary("Download a file of an assignment report.");
        assignments.MapPost("/{assignmentId:guid}/accept", async (Guid assignmentId, ExecutionApiBodies.AcceptBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new AcceptReport.Command(assignmentId, body.ReportId, body.Version), ct);
                return Results.NoContent();
            })
            .WithName("AcceptAssignmentReport").WithSummary("The controller accepts the awaited report: the assignment is executed and off control (KZRU-07). Two answers at once: one wins, the other gets 409 or 422.");
        assignments.MapPost("/{assignmentId:guid}/return", async (Guid assignmentId, ExecutionApiBodies.ReturnBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ReturnReport.Command { AssignmentId = assignmentId, ReportId = body.ReportId, Reason = body.Reason, Version = body.Version }, ct);
                return Results.NoContent();
            })
            .WithName("ReturnAssignmentReport").WithSummary("The controller returns the awaited report for rework with a reason (WF-02).");
        assignments.MapPost("/{assignmentId:guid}/cancel", async (Guid assignmentId, ExecutionApiBodies.CancelBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new CancelAssignment.Command { AssignmentId = assignmentId, Reason = body.Reason, Version = body.Version }, ct);
                return Results.NoContent();
            })
            .WithName("CancelAssignment").WithSummary("The side's secretary records that a decision cancelled the assignment (reason required).");
        assignments.MapPost("/{assignmentId:guid}/extensions", async (Guid assignmentId, ExecutionApiBodies.ExtensionBody body, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(new RequestExtension.Command { AssignmentId = assignmentId, DueOn = body.DueOn, WorkingDays = body.WorkingDays, CountFrom = body.CountFrom, Reason = body.Reason }, ct);
                return Results.Created($"/api/v1/assignments/{assignmentId}", result);
            })
            .WithName("RequestDeadlineExtension").WithSummary("Ask for a later deadline with a reason; in force only once the co-chair of the assignment's side approves (KZRU-04).");
        assignments.MapPost("/{assignmentId:guid}/extensions/{extensionId:guid}/decision", async (Guid assignmentId, Guid extensionId, ExecutionApiBodies.ExtensionDecisionBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ApproveExtension.Command(assignmentId, extensionId, body.Approve), ct);
                return Results.NoContent();
            })
            .WithName("DecideDeadlineExtension").WithSummary("The co-chair of the assignment's side approves or refuses a requested extension (KZRU-04); the other side's co-chair is refused.");
    }
}
