using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntergovCommission.Web.Features.Execution;

public sealed class AssignmentReminderOptions
{
    /// <summary>How often the reminders look for deadlines (setting Execution:ReminderInterval).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many working days before the deadline the responsible person is reminded (Execution:LeadWorkingDays).</summary>
    public int LeadWorkingDays { get; set; } = 3;
}

/// <summary>
/// WF-05, KZRU-07: in-app reminders of assignment deadlines, counted on the responsible side's calendar: the responsible person (or,
/// when none is on the roster, the controller) <see cref="AssignmentReminderOptions.LeadWorkingDays"/> working days before the
/// deadline; once it has passed, the responsible person and, as escalation, the controller. Each goes once per deadline (a row in
/// <c>assignment_reminders</c> claimed with ON CONFLICT DO NOTHING in the notifications' transaction).
/// </summary>
public sealed class AssignmentReminders(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AssignmentReminderOptions> options, ILogger<AssignmentReminders> logger)
    : BackgroundService
{
    public const string Coming = "Coming";
    public const string Overdue = "Overdue";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Assignment reminders failed; retrying at the next interval");
            }
        }
    }

    /// <summary>One pass; returns how many reminders it sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<(Guid Id, string Kind, DateOnly DueOn)> due = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
            var open = await (from a in db.Assignments.AsNoTracking()
                              join s in db.Sides on a.SideId equals s.Id
                              where a.State == AssignmentState.Open || a.State == AssignmentState.Returned
                              select new { a.Id, a.DueOn, s.Code, s.TimeZoneId }).ToListAsync(ct);
            var sent = await db.AssignmentReminders.AsNoTracking().Select(r => new { r.AssignmentId, r.Kind, r.DueOn }).ToListAsync(ct);
            var calendars = new Dictionary<string, WorkingDayCalendar>(StringComparer.Ordinal);
            foreach (var a in open)
            {
                if (!calendars.TryGetValue(a.Code, out var calendar))
                {
                    calendar = WorkingDayCalendar.IsCountryCode(a.Code) && await WorkingDayCalendars.KnowsAsync(db, a.Code, ct)
                        ? await WorkingDayCalendars.LoadAsync(db, a.Code, ct)
                        : new WorkingDayCalendar("XX", []);
                    calendars[a.Code] = calendar;
                }

                var today = ExecutionAccess.TodayIn(a.TimeZoneId, clock);
                var kind = today > a.DueOn ? Overdue
                    : calendar.WorkingDaysBetween(today, a.DueOn).Days <= options.Value.LeadWorkingDays ? Coming
                    : null;
                if (kind is not null && !sent.Any(r => r.AssignmentId == a.Id && r.Kind == kind && r.DueOn == a.DueOn))
                {
                    due.Add((a.Id, kind, a.DueOn));
                }
            }
        }

        var count = 0;
        foreach (var (id, kind, dueOn) in due)
        {
            if (await RemindAsync(id, kind, dueOn, ct))
            {
                count++;
            }
        }

        return count;
    }

    private async Task<bool> RemindAsync(Guid assignmentId, string kind, DateOnly dueOn, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO assignment_reminders (assignment_id, kind, due_on, sent_at) VALUES ({assignmentId}, {kind}, {dueOn}, {now}) ON CONFLICT DO NOTHING", ct);
            if (claimed != 1)
            {
                await tx.RollbackAsync(ct);
                return false;
            }

            var a = await db.Assignments.AsNoTracking().SingleAsync(x => x.Id == assignmentId, ct);
            var code = await db.Commissions.AsNoTracking().Where(c => c.Id == a.CommissionId).Select(c => c.Code).SingleAsync(ct);
            var link = $"/Execution/Details/{a.Id}";
            var number = $"{code}-{a.Number}";
            var date = dueOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var key = kind == Coming ? "Execution.Notify.Coming" : "Execution.Notify.Overdue";
            var recipients = new HashSet<Guid>();
            if (a.ResponsiblePersonId is Guid responsible)
            {
                recipients.Add(responsible);
            }

            if (kind == Overdue || recipients.Count == 0)
            {
                recipients.Add(a.ControllerPersonId); // escalation to the controller once overdue
            }

            foreach (var person in recipients)
            {
                notifier.To(person, a.CommissionId, "assignment-" + kind.ToLowerInvariant(), key, link, number, date,
                    options.Value.LeadWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Assignment reminder {Kind} sent for {AssignmentId} (deadline {DueOn})", kind, assignmentId, dueOn);
            return true;
        });
    }
}
