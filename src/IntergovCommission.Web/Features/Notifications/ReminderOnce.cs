using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Notifications;

/// <summary>
/// A reminder sent once: its row is claimed with <c>INSERT … ON CONFLICT DO NOTHING</c> and its notifications are
/// written in the same transaction (inside the execution strategy), so two instances or two passes never send it twice.
/// </summary>
public static class ReminderOnce
{
    /// <param name="claim">The INSERT that claims the reminder's row at the given moment.</param>
    /// <param name="notify">Writes the notifications (through the scope's <see cref="Notifier"/>) once the row is claimed.</param>
    /// <returns>True when this call claimed and sent it.</returns>
    public static async Task<bool> SendAsync(IServiceScopeFactory scopes, TimeProvider clock, Func<DateTimeOffset, FormattableString> claim,
        Func<CommissionDbContext, Notifier, Task> notify, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(notify);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Database.ExecuteSqlInterpolatedAsync(claim(clock.GetUtcNow()), ct) != 1)
            {
                await tx.RollbackAsync(ct);
                return false;
            }

            await notify(db, notifier);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
    }
}
