using IntergovCommission.Domain.Audit;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Audit;

/// <summary>What a supplied checkpoint text turned out to be.</summary>
public enum SuppliedCheckpoint
{
    None,
    Unreadable,
    BadSignature,
    Checked,
}

public sealed record AuditTrailReport(AuditVerification Verification, SuppliedCheckpoint Supplied, string CheckpointFile, int FileCheckpoints, int DatabaseCheckpoints)
{
    public bool Intact => Verification.Intact && Supplied is not SuppliedCheckpoint.Unreadable and not SuppliedCheckpoint.BadSignature;
}

/// <summary>
/// Loads the whole trail and every checkpoint (file, database, and one supplied by the user) and
/// lets <see cref="AuditChainVerifier"/> name the first broken link. Checkpoint signatures are
/// checked against the server's document certificate; a checkpoint in the compact form printed in
/// an issued decision carries no signature of its own (the PDF's signature covers it) and is taken
/// as given.
/// </summary>
public sealed class AuditTrailVerifier(CommissionDbContext db, AuditCheckpoints checkpoints, ServerSigningCertificate certificate, AuditOptions options)
{
    public const string FileSource = "file";
    public const string DatabaseSource = "database";
    public const string SuppliedSource = "supplied";

    /// <summary>Rows read per round trip while walking the chain.</summary>
    private const int PageSize = 5_000;

    public async Task<AuditTrailReport> VerifyAsync(string? supplied, CancellationToken ct)
    {
        var checks = new List<CheckpointToCheck>();
        var problems = new List<AuditCheckpointProblem>();

        var fromFile = await checkpoints.ReadFileAsync(ct);
        foreach (var checkpoint in fromFile)
        {
            Accept(checkpoint, FileSource, checks, problems);
        }

        var fromDatabase = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Length).ToListAsync(ct);
        foreach (var record in fromDatabase)
        {
            Accept(record.ToCheckpoint(), DatabaseSource, checks, problems);
        }

        if (fromDatabase.Count > 0 && fromFile.Count == 0)
        {
            problems.Add(new AuditCheckpointProblem(AuditCheckpointProblemKind.FileMissing, fromDatabase[^1].ToCheckpoint(), FileSource,
                $"the database holds {fromDatabase.Count} checkpoints but the checkpoint file {options.ResolvedCheckpointFile} has none"));
        }

        var suppliedState = SuppliedCheckpoint.None;
        if (!string.IsNullOrWhiteSpace(supplied))
        {
            var parsed = AuditCheckpoint.Parse(supplied);
            if (parsed is null)
            {
                suppliedState = SuppliedCheckpoint.Unreadable;
            }
            else if (parsed.Signature is not null && !parsed.IsSignedBy(certificate.Certificate))
            {
                suppliedState = SuppliedCheckpoint.BadSignature;
            }
            else
            {
                suppliedState = SuppliedCheckpoint.Checked;
                checks.Add(new CheckpointToCheck(parsed, SuppliedSource, SignatureRequired: false));
            }
        }

        // The rows are read in order of place, a page at a time (the retrying execution strategy buffers a whole
        // result): memory stays flat however long the trail is.
        var walk = new AuditChainWalk(checks.Select(c => c.Checkpoint.Length));
        long? after = null;
        while (true)
        {
            var from = after;
            var page = await Records(db.AuditEntries.AsNoTracking().Where(e => e.Seq != null && (from == null || e.Seq > from)).OrderBy(e => e.Seq).Take(PageSize))
                .ToListAsync(ct);
            foreach (var row in page)
            {
                walk.Add(row);
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Seq;
        }

        var firstOutside = await Records(db.AuditEntries.AsNoTracking().Where(e => e.Seq == null).OrderBy(e => e.At).ThenBy(e => e.Id)).FirstOrDefaultAsync(ct);
        var verification = AuditChainVerifier.Conclude(walk, firstOutside, checks, problems);
        return new AuditTrailReport(verification, suppliedState, options.ResolvedCheckpointFile, fromFile.Count, fromDatabase.Count);
    }

    private static IQueryable<AuditRecord> Records(IQueryable<AuditEntry> entries) =>
        entries.Select(e => new AuditRecord(e.Id, e.At, e.UserId, e.UserName, e.CommissionId, e.Action, e.Request, e.Changes, e.CorrelationId, e.RemoteAddress, e.Seq, e.PreviousHash, e.Hash));

    private void Accept(AuditCheckpoint? checkpoint, string source, List<CheckpointToCheck> checks, List<AuditCheckpointProblem> problems)
    {
        if (checkpoint is null)
        {
            problems.Add(new AuditCheckpointProblem(AuditCheckpointProblemKind.Unreadable, new AuditCheckpoint(0, AuditCanonicalForm.Genesis, DateTimeOffset.MinValue), source, "a line of the checkpoint file cannot be read"));
            return;
        }

        if (!checkpoint.IsSignedBy(certificate.Certificate))
        {
            problems.Add(new AuditCheckpointProblem(AuditCheckpointProblemKind.NotSigned, checkpoint, source, $"the checkpoint of {checkpoint.Length} rows ({source}) is not signed by this server's document certificate"));
            return;
        }

        checks.Add(new CheckpointToCheck(checkpoint, source, SignatureRequired: true));
    }
}
