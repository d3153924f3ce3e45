using IntergovCommission.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IntergovCommission.Web.Data;

/// <summary>
/// Links every audit row into the one hash chain as it is saved. The chain's writers are
/// serialised by a transaction-scoped advisory lock taken just before the rows are inserted and
/// held to the commit, so the next writer reads a head that is committed: no two rows can take
/// the same place or the same predecessor (the unique indexes on seq and previous_hash refuse a
/// fork even if the lock were bypassed). A row is only ever appended inside a transaction; a
/// writer outside one uses <see cref="AppendAsync"/>.
/// </summary>
public static class AuditChain
{
    /// <summary>The advisory lock of the chain (one chain for the installation).</summary>
    public const long LockKey = 0x1_A0D1_7C4A;

    /// <summary>Appends one row in its own transaction (inside the execution strategy), or in the caller's if one is open.</summary>
    public static async Task AppendAsync(CommissionDbContext db, AuditEntry entry, CancellationToken ct = default)
    {
        db.AuditEntries.Add(entry);
        if (db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
        }, ct);
    }

    internal static async Task LinkAddedAsync(CommissionDbContext db, CancellationToken ct)
    {
        var added = AddedRows(db);
        if (added.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var head = await db.AuditEntries.AsNoTracking().Where(a => a.Seq != null).OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        Link(added, head?.Seq ?? 0, head?.Hash ?? AuditCanonicalForm.Genesis);
    }

    internal static void LinkAdded(CommissionDbContext db)
    {
        var added = AddedRows(db);
        if (added.Count == 0)
        {
            return;
        }

        db.Database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({LockKey})");
        var head = db.AuditEntries.AsNoTracking().Where(a => a.Seq != null).OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefault();
        Link(added, head?.Seq ?? 0, head?.Hash ?? AuditCanonicalForm.Genesis);
    }

    private static List<AuditEntry> AddedRows(CommissionDbContext db)
    {
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        if (added.Count > 0 && db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit row is appended inside a transaction, so that the chain lock is held until it is committed: use AuditChain.AppendAsync.");
        }

        return added;
    }

    private static void Link(List<AuditEntry> added, long seq, string previousHash)
    {
        foreach (var entry in added)
        {
            entry.Link(++seq, previousHash);
            previousHash = entry.Hash!;
        }
    }

    /// <summary>
    /// Gives the rows written before the chain existed (migration 0030) their places, in the order
    /// they were written, before any new row. Runs at start-up; a no-op once they are sealed.
    /// </summary>
    public static async Task<int> SealEarlierRowsAsync(CommissionDbContext db, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", token);
            var chainStart = await db.Database.SqlQueryRaw<DateTimeOffset>("SELECT applied_at AS \"Value\" FROM schema_migrations WHERE number = 30").SingleAsync(token);
            var earlier = await db.AuditEntries.Where(a => a.Seq == null && a.At < chainStart).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(token);
            if (earlier.Count == 0)
            {
                return 0;
            }

            if (await db.AuditEntries.AnyAsync(a => a.Seq != null, token))
            {
                // Rows chained after the migration come after these in time; the chain cannot be re-ordered.
                throw new InvalidOperationException($"{earlier.Count} audit rows written before the chain existed are not in it, but the chain has already started. Run --verify-audit.");
            }

            var seq = 0L;
            var previous = AuditCanonicalForm.Genesis;
            foreach (var entry in earlier)
            {
                entry.Link(++seq, previous);
                previous = entry.Hash!;
            }

            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return earlier.Count;
        }, ct);
    }
}

/// <summary>Links the audit rows of every save into the chain (registered on every <see cref="CommissionDbContext"/>).</summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    public static AuditChainInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CommissionDbContext db)
        {
            AuditChain.LinkAdded(db);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CommissionDbContext db)
        {
            await AuditChain.LinkAddedAsync(db, cancellationToken);
        }

        return result;
    }
}
