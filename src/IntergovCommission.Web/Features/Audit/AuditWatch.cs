using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Audit;

/// <summary>
/// In the background: signs a checkpoint of the audit chain every
/// <see cref="AuditOptions.CheckpointInterval"/> when it has grown, and verifies the whole chain
/// every <see cref="AuditOptions.VerificationInterval"/> (first at start-up); a broken chain is
/// logged as an error and every administrator with a person record gets a notification.
/// </summary>
public sealed class AuditWatch(IServiceScopeFactory scopes, AuditOptions options, TimeProvider clock, ILogger<AuditWatch> logger) : BackgroundService
{
    public const string BrokenKind = "AuditChainBroken";
    public const string BrokenTextKey = "Audit.Notification.Broken";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextVerification = clock.GetUtcNow();
        var tick = options.CheckpointInterval < options.VerificationInterval ? options.CheckpointInterval : options.VerificationInterval;
        using var timer = new PeriodicTimer(tick, clock);
        do
        {
            try
            {
                await CheckpointOnceAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextVerification)
                {
                    await VerifyOnceAsync(stoppingToken);
                    nextVerification = clock.GetUtcNow() + options.VerificationInterval;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The audit watch failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Signs a checkpoint when the chain has grown since the last one.</summary>
    public async Task CheckpointOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var written = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync("interval", onlyIfGrown: true, ct);
        if (written is not null)
        {
            logger.LogInformation("Audit checkpoint signed: {Length} rows, head {Head}", written.Length, written.HeadHash);
        }
    }

    /// <summary>Verifies the chain; when it is broken, logs and notifies the administrators. Returns the report.</summary>
    public async Task<AuditTrailReport> VerifyOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AuditTrailVerifier>().VerifyAsync(null, ct);
        if (report.Intact)
        {
            logger.LogInformation("Audit chain verified: {Length} rows intact, {Checkpoints} checkpoints hold", report.Verification.Length, report.Verification.CheckpointsChecked);
            return report;
        }

        var what = report.Verification.Break is { } broken ? $"{broken.Kind} at row {broken.Seq}: {broken.Detail}"
            : string.Join("; ", report.Verification.CheckpointProblems.Select(p => p.Detail));
        logger.LogError("The audit chain is broken: {What}", what);

        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var administrators = await (from u in db.Users
                                    join ur in db.UserRoles on u.Id equals ur.UserId
                                    join r in db.Roles on ur.RoleId equals r.Id
                                    where r.Name == HttpActorAccessor.AdministratorRole && u.PersonId != null
                                    select u.PersonId!.Value).Distinct().ToListAsync(ct);
        var seq = (report.Verification.Break?.Seq ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var person in administrators)
        {
            db.Notifications.Add(new Notification(Guid.CreateVersion7(), person, null, BrokenKind, BrokenTextKey, [seq], "/Admin/Audit/Verify", clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
        return report;
    }
}
