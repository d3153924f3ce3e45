using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntergovCommission.Web.Features.Notifications;

public sealed class ProposalDeadlineReminderOptions
{
    /// <summary>How often the reminder looks for sessions (setting Notifications:ReminderInterval).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long before the KZRU-12 proposal deadline the members are reminded.</summary>
    public TimeSpan Lead { get; set; } = TimeSpan.FromDays(3);
}

/// <summary>
/// KZRU-12: reminds the members that the proposal deadline (the profile's days before the session)
/// is coming, <see cref="ProposalDeadlineReminderOptions.Lead"/> before it, once per session. The
/// "once" is a row keyed by the session, inserted with ON CONFLICT DO NOTHING in the same transaction
/// as the notifications: a second run, a restart or a second instance finds the row and sends nothing.
/// </summary>
public sealed class ProposalDeadlineReminders(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ProposalDeadlineReminderOptions> options, ILogger<ProposalDeadlineReminders> logger) : BackgroundService
{
    private static readonly SessionState[] OpenStates = [SessionState.Draft, SessionState.AgendaUnderApproval, SessionState.AgendaApproved];

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
                logger.LogError(e, "Proposal deadline reminders failed; retrying at the next interval");
            }
        }
    }

    /// <summary>One pass: remind every session whose deadline falls within the lead and was not reminded yet. Returns how many sessions this pass reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lead = options.Value.Lead;
        List<(Guid Id, DateTimeOffset Deadline)> due = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
            // The deadline is at most a few weeks before the start; take a wide window in SQL and decide exactly in C#.
            var horizon = now + lead + TimeSpan.FromDays(60);
            var candidates = await db.Sessions.AsNoTracking()
                .Where(s => OpenStates.Contains(s.State) && s.StartsAt > now && s.StartsAt <= horizon
                    && !db.ProposalDeadlineReminders.Any(r => r.SessionId == s.Id))
                .Select(s => new { s.Id, s.CommissionId, s.StartsAt, s.TimeZoneId })
                .ToListAsync(ct);
            Dictionary<Guid, Domain.Regulation.AgendaRule> days = [];
            foreach (var s in candidates)
            {
                if (!days.TryGetValue(s.CommissionId, out var d))
                {
                    d = (await CommissionAccess.ProfileOfAsync(db, s.CommissionId, ct)).Agenda;
                    days[s.CommissionId] = d;
                }

                var deadline = ProposalDeadline.For(s.StartsAt, s.TimeZoneId, d.ProposalDeadlineDays, d.Counting);
                if (deadline > now && deadline <= now + lead)
                {
                    due.Add((s.Id, deadline));
                }
            }
        }

        var sent = 0;
        foreach (var (id, deadline) in due)
        {
            if (await RemindAsync(id, deadline, now, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> RemindAsync(Guid sessionId, DateTimeOffset deadline, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The unique key decides: a concurrent instance waits on our row and then inserts nothing.
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO proposal_deadline_reminders (session_id, sent_at) VALUES ({sessionId}, {now}) ON CONFLICT (session_id) DO NOTHING", ct);
            if (claimed != 1)
            {
                await tx.RollbackAsync(ct);
                return false;
            }

            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
            await notifier.DeadlineComingAsync(session, deadline, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("KZRU-12 proposal deadline reminder sent for session {SessionId}", sessionId);
            return true;
        });
    }
}
