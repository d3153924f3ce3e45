using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>A body whose profile wants a session within a year of the last one held (CIS-04), and none is scheduled by then.</summary>
public sealed record SessionGap(Guid CommissionId, string CommissionCode, int LastHeldNumber, DateOnly LastHeld, DateOnly DueBy, RuleRef Rule);

/// <summary>
/// CIS-04 (s. 5.1): the secretariat is reminded when no session is scheduled within a year of the last one held: on the
/// home page while the gap lasts (<see cref="GapsAsync"/>), and by a notification (in-app, and e-mail through the outbox
/// for those who chose it) <see cref="LeadDays"/> days before the due day and again once it has passed. Only what the
/// profile says applies: a profile without a frequency rule (KZRU) is never reminded. Like the report date reminders, each
/// goes once: a row in <c>report_date_reminders</c> (commission, kind <see cref="Kind"/>, the due day, the stage) claimed
/// with ON CONFLICT DO NOTHING in the notifications' transaction.
/// </summary>
public sealed class SessionFrequencyReminders(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AssignmentReminderOptions> options, ILogger<SessionFrequencyReminders> logger)
    : BackgroundService
{
    public const string Kind = "SessionsYearly";
    public const string NotificationKind = "sessions-yearly-due";
    public const string Coming = "Coming";
    public const string Overdue = "Overdue";

    /// <summary>How many days before the due day the first reminder goes.</summary>
    public const int LeadDays = 60;

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
                logger.LogError(e, "Session frequency reminders failed; retrying at the next interval");
            }
        }
    }

    /// <summary>
    /// The bodies (of <paramref name="commissionIds"/>, or all) whose profile sets a session frequency and that have no
    /// session scheduled in time after the last one held (a cancelled session does not count).
    /// </summary>
    public static async Task<IReadOnlyList<SessionGap>> GapsAsync(CommissionDbContext db, IReadOnlyCollection<Guid>? commissionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var commissions = await db.Commissions.AsNoTracking()
            .Where(c => commissionIds == null || commissionIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.ProfileId })
            .ToListAsync(ct);
        var gaps = new List<SessionGap>();
        foreach (var commission in commissions)
        {
            var profile = await CommissionRules.ProfileByIdAsync(db, commission.ProfileId, ct);
            if (profile.Frequency is not { } rule)
            {
                continue;
            }

            var sessions = (await db.Sessions.AsNoTracking()
                    .Where(s => s.CommissionId == commission.Id && s.State != SessionState.Cancelled)
                    .Select(s => new { s.Number, s.State, s.StartsAt, s.TimeZoneId })
                    .ToListAsync(ct))
                .Select(s => new { s.Number, Held = s.State is SessionState.InProgress or SessionState.Closed, Day = Documents.SessionDocuments.Day(s.StartsAt, s.TimeZoneId) })
                .ToList();
            var last = sessions.Where(s => s.Held).MaxBy(s => s.Day);
            if (SessionFrequency.MissingBy(profile, last?.Day, sessions.Where(s => !s.Held).Select(s => s.Day)) is { } due)
            {
                gaps.Add(new SessionGap(commission.Id, commission.Code, last!.Number, last.Day, due, rule.Rule));
            }
        }

        return gaps;
    }

    /// <summary>One pass; returns how many reminders it sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        IReadOnlyList<SessionGap> gaps;
        await using (var scope = scopes.CreateAsyncScope())
        {
            gaps = await GapsAsync(scope.ServiceProvider.GetRequiredService<CommissionDbContext>(), null, ct);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var count = 0;
        foreach (var gap in gaps)
        {
            var stage = today > gap.DueBy ? Overdue : today.AddDays(LeadDays) >= gap.DueBy ? Coming : null;
            if (stage is not null && await RemindAsync(gap, stage, ct))
            {
                count++;
            }
        }

        return count;
    }

    private async Task<bool> RemindAsync(SessionGap gap, string stage, CancellationToken ct)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var sent = await ReminderOnce.SendAsync(scopes, clock,
            now => $"INSERT INTO report_date_reminders (commission_id, kind, due_on, stage, sent_at) VALUES ({gap.CommissionId}, {Kind}, {gap.DueBy}, {stage}, {now}) ON CONFLICT DO NOTHING",
            // CIS-04: the secretariat prepares sessions (the profile's holders of PrepareSessions), so it is reminded.
            (_, notifier) => notifier.ToHoldersAsync(gap.CommissionId, Capability.PrepareSessions, null, NotificationKind, "Sessions.Notify.Yearly." + stage,
                $"/Sessions/Create?commissionId={gap.CommissionId}", ct,
                gap.LastHeldNumber.ToString(inv), gap.LastHeld.ToString("dd.MM.yyyy", inv), gap.DueBy.ToString("dd.MM.yyyy", inv), gap.Rule.Id),
            ct);
        if (sent)
        {
            logger.LogInformation("{Rule} session frequency reminder {Stage} sent for {Commission} (due by {DueBy})", gap.Rule.Id, stage, gap.CommissionCode, gap.DueBy);
        }

        return sent;
    }
}
