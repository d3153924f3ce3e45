using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// WF-05, WF-07: reminders of the fixed report dates, like the assignment deadlines: <see cref="AssignmentReminderOptions.LeadWorkingDays"/>
/// working days before (counted on each side's calendar) and on the day, through <see cref="Notifier"/> (in-app, and by whatever delivery the
/// Notifier gains). The consolidated reports go to the secretariat that controls execution (ControlExecution, per side); the treaty report
/// (10 January) to the holders of WriteTreatyReport on each treaty's reporting side, only where the commission keeps a treaty register.
/// Each reminder goes once: a row in <c>report_date_reminders</c> (commission, kind, date, stage with the side) claimed with ON CONFLICT DO NOTHING
/// in the notifications' transaction.
/// </summary>
public sealed class ReportDateReminders(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AssignmentReminderOptions> options, ILogger<ReportDateReminders> logger)
    : BackgroundService
{
    public const string Coming = "Coming";
    public const string Due = "Due";

    /// <summary>How many days after the date a missed "on the day" reminder is still sent (the service was down on the day).</summary>
    public const int DueGraceDays = 3;

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
                logger.LogError(e, "Report date reminders failed; retrying at the next interval");
            }
        }
    }

    private sealed record Pending(Guid CommissionId, Guid SideId, string SideCode, FixedReportDate Date, string Stage, int DaysLeft);

    /// <summary>One pass; returns how many reminders (commission, side, kind, date, stage) it sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var due = new List<Pending>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
            var sides = await db.Sides.AsNoTracking().Select(s => new { s.Id, s.CommissionId, s.Code, s.TimeZoneId }).ToListAsync(ct);
            var withTreaties = await db.Treaties.AsNoTracking().Select(t => t.ReportingSideId).Distinct().ToListAsync(ct);
            var sent = await db.ReportDateReminders.AsNoTracking().Select(r => new { r.CommissionId, r.Kind, r.DueOn, r.Stage }).ToListAsync(ct);
            foreach (var side in sides)
            {
                var calendar = await GetReportDates.CalendarOfAsync(db, side.Code, ct);
                var today = ExecutionAccess.TodayIn(side.TimeZoneId, clock);
                foreach (var date in FixedReportDates.Of(today.Year).Concat(FixedReportDates.Of(today.Year + 1)))
                {
                    if (date.Kind == FixedReportKind.Treaties && !withTreaties.Contains(side.Id))
                    {
                        continue;
                    }

                    var left = today >= date.On ? 0 : calendar.WorkingDaysBetween(today, date.On).Days;
                    var stage = today >= date.On && today.DayNumber - date.On.DayNumber <= DueGraceDays ? Due
                        : today < date.On && left <= options.Value.LeadWorkingDays ? Coming
                        : null;
                    var key = stage + ":" + side.Code;
                    if (stage is not null && !sent.Any(r => r.CommissionId == side.CommissionId && r.Kind == date.Kind.ToString() && r.DueOn == date.On && r.Stage == key))
                    {
                        due.Add(new Pending(side.CommissionId, side.Id, side.Code, date, stage, left));
                    }
                }
            }
        }

        var count = 0;
        foreach (var pending in due)
        {
            if (await RemindAsync(pending, ct))
            {
                count++;
            }
        }

        return count;
    }

    private async Task<bool> RemindAsync(Pending p, CancellationToken ct)
    {
        var kind = p.Date.Kind.ToString();
        var stage = p.Stage + ":" + p.SideCode;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var link = p.Date.Kind == FixedReportKind.Treaties ? $"/Treaties?commissionId={p.CommissionId}" : $"/Execution?commissionId={p.CommissionId}";
        var capability = p.Date.Kind == FixedReportKind.Treaties ? Capability.WriteTreatyReport : Capability.ControlExecution;
        var sent = await ReminderOnce.SendAsync(scopes, clock,
            now => $"INSERT INTO report_date_reminders (commission_id, kind, due_on, stage, sent_at) VALUES ({p.CommissionId}, {kind}, {p.Date.On}, {stage}, {now}) ON CONFLICT DO NOTHING",
            (_, notifier) => notifier.ToHoldersAsync(p.CommissionId, capability, p.SideId, "report-date-" + p.Stage.ToLowerInvariant(), $"ReportDates.Notify.{p.Stage}.{kind}", link, ct,
                p.Date.On.ToString("dd.MM.yyyy", inv), p.Date.From.ToString("dd.MM.yyyy", inv), p.Date.To.ToString("dd.MM.yyyy", inv), p.DaysLeft.ToString(inv)),
            ct);
        if (sent)
        {
            logger.LogInformation("Report date reminder {Stage} sent for {Kind} {DueOn} ({Side})", p.Stage, kind, p.Date.On, p.SideCode);
        }

        return sent;
    }
}
