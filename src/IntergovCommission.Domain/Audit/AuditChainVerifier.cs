namespace IntergovCommission.Domain.Audit;

/// <summary>How a chain was found broken.</summary>
public enum AuditBreakKind
{
    /// <summary>A row's content no longer gives its hash, or its hash no longer matches the next row's link or a checkpoint.</summary>
    RowChanged,

    /// <summary>One or more rows are missing from the middle of the chain.</summary>
    RowDeleted,

    /// <summary>The chain is shorter than a checkpoint once saw it: rows were cut off at the end.</summary>
    RowsCutOff,

    /// <summary>A row that was not appended by the chain: outside it, or slipped between two linked rows.</summary>
    RowInserted,
}

/// <summary>The first broken link: what happened, at which position, to which row.</summary>
public sealed record AuditBreak(AuditBreakKind Kind, long Seq, Guid? EntryId, string Detail);

/// <summary>Why a kept checkpoint could not be used.</summary>
public enum AuditCheckpointProblemKind
{
    /// <summary>A line of the checkpoint file cannot be read.</summary>
    Unreadable,

    /// <summary>The signature is not the server's: the checkpoint proves nothing.</summary>
    NotSigned,

    /// <summary>The database holds checkpoints, the file none: the file was removed or replaced.</summary>
    FileMissing,
}

/// <summary>A kept checkpoint that could not be used (it proves nothing, and is reported).</summary>
public sealed record AuditCheckpointProblem(AuditCheckpointProblemKind Kind, AuditCheckpoint Checkpoint, string Source, string Detail);

public sealed record AuditVerification(long Length, string HeadHash, int CheckpointsChecked, AuditBreak? Break, IReadOnlyList<AuditCheckpointProblem> CheckpointProblems)
{
    public bool Intact => Break is null && CheckpointProblems.Count == 0;
}

/// <summary>A checkpoint to hold the chain against, and where it came from (file, database, user).</summary>
public sealed record CheckpointToCheck(AuditCheckpoint Checkpoint, string Source, bool SignatureRequired);

/// <summary>
/// Walks the chain in order and names the first broken link. Pure: the rows and checkpoints are
/// given, the signatures were checked by the caller (<see cref="CheckpointToCheck"/>).
/// </summary>
public static class AuditChainVerifier
{
    /// <param name="rows">Every row of the trail: chained rows in any order, and rows without a place in the chain.</param>
    /// <param name="checkpoints">Checkpoints whose signatures the caller accepted.</param>
    public static AuditVerification Verify(IEnumerable<AuditRecord> rows, IEnumerable<CheckpointToCheck> checkpoints, IReadOnlyList<AuditCheckpointProblem>? problems = null)
    {
        var all = rows.ToList();
        var chained = all.Where(r => r.Seq is not null).OrderBy(r => r.Seq).ToList();
        var found = Walk(chained);
        var length = chained.Count;
        var head = chained.Count == 0 ? AuditCanonicalForm.Genesis : chained[^1].Hash ?? string.Empty;

        var checks = checkpoints.ToList();
        if (found is null)
        {
            var outside = all.Where(r => r.Seq is null).OrderBy(r => r.At).FirstOrDefault();
            if (outside is not null)
            {
                found = new AuditBreak(AuditBreakKind.RowInserted, 0, outside.Id, $"row {outside.Id} ({outside.Action}, {outside.At:u}) has no place in the chain");
            }
        }

        if (found is null)
        {
            var last = chained.Count == 0 ? 0 : chained[^1].Seq!.Value;
            foreach (var check in checks.OrderBy(c => c.Checkpoint.Length))
            {
                var checkpoint = check.Checkpoint;
                if (checkpoint.Length == 0)
                {
                    continue;
                }

                if (checkpoint.Length > last)
                {
                    found = new AuditBreak(AuditBreakKind.RowsCutOff, last + 1, null,
                        $"the chain ends at row {last}, but the checkpoint ({check.Source}) of {checkpoint.At:u} saw {checkpoint.Length} rows");
                    break;
                }

                var row = chained[(int)(checkpoint.Length - 1)];
                if (!string.Equals(row.Hash, checkpoint.HeadHash, StringComparison.OrdinalIgnoreCase))
                {
                    found = new AuditBreak(AuditBreakKind.RowChanged, checkpoint.Length, row.Id,
                        $"row {checkpoint.Length} is not the one the checkpoint ({check.Source}) of {checkpoint.At:u} saw: the rows up to it were rewritten");
                    break;
                }
            }
        }

        return new AuditVerification(length, head, checks.Count, found, problems ?? []);
    }

    private static AuditBreak? Walk(List<AuditRecord> chained)
    {
        var previousHash = AuditCanonicalForm.Genesis;
        var expected = 1L;
        for (var i = 0; i < chained.Count; i++)
        {
            var row = chained[i];
            var seq = row.Seq!.Value;
            if (seq > expected)
            {
                return new AuditBreak(AuditBreakKind.RowDeleted, expected, null,
                    seq - expected == 1 ? $"row {expected} is missing (row {seq} follows row {expected - 1})" : $"rows {expected}–{seq - 1} are missing");
            }

            if (seq < expected)
            {
                return new AuditBreak(AuditBreakKind.RowInserted, seq, row.Id, $"two rows hold place {seq}");
            }

            if (!string.Equals(row.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                var before = chained[i - 1 >= 0 ? i - 1 : 0];
                if (i > 0 && string.Equals(row.PreviousHash, before.PreviousHash, StringComparison.Ordinal))
                {
                    return new AuditBreak(AuditBreakKind.RowInserted, before.Seq!.Value, before.Id,
                        $"row {before.Seq} was slipped in: row {seq} still links to row {before.Seq!.Value - 1}");
                }

                if (row.PreviousHash is not null && string.Equals(row.Hash, AuditCanonicalForm.Hash(row, seq - 1, row.PreviousHash), StringComparison.Ordinal))
                {
                    return new AuditBreak(AuditBreakKind.RowInserted, seq - 1, i > 0 ? before.Id : null,
                        $"the rows from {seq - 1} on were moved down one place to make room for a row");
                }

                if (row.PreviousHash is not null && string.Equals(row.Hash, AuditCanonicalForm.Hash(row, seq + 1, row.PreviousHash), StringComparison.Ordinal))
                {
                    return new AuditBreak(AuditBreakKind.RowDeleted, seq, row.Id,
                        $"a row before this one was removed and the rows after it renumbered (this row was row {seq + 1})");
                }

                return i == 0
                    ? new AuditBreak(AuditBreakKind.RowChanged, seq, row.Id, $"row {seq} does not start from the beginning of the chain")
                    : new AuditBreak(AuditBreakKind.RowChanged, before.Seq!.Value, before.Id,
                        $"row {before.Seq} was rewritten: its hash is no longer the one row {seq} links to");
            }

            if (!string.Equals(row.Hash, AuditCanonicalForm.Hash(row, seq, previousHash), StringComparison.Ordinal))
            {
                return new AuditBreak(AuditBreakKind.RowChanged, seq, row.Id, $"row {seq} ({row.Action}) was changed: its content no longer gives its hash");
            }

            previousHash = row.Hash!;
            expected++;
        }

        return null;
    }
}
