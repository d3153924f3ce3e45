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
/// given, the signatures were checked by the caller (<see cref="CheckpointToCheck"/>). The rows can be
/// streamed (<see cref="AuditChainWalk"/>): only the previous row and the hashes at the checkpoints'
/// lengths are kept, so verifying a trail of any length takes constant memory.
/// </summary>
public static class AuditChainVerifier
{
    /// <param name="rows">Every row of the trail: chained rows in any order, and rows without a place in the chain.</param>
    /// <param name="checkpoints">Checkpoints whose signatures the caller accepted.</param>
    public static AuditVerification Verify(IEnumerable<AuditRecord> rows, IEnumerable<CheckpointToCheck> checkpoints, IReadOnlyList<AuditCheckpointProblem>? problems = null)
    {
        var all = rows.ToList();
        var checks = checkpoints.ToList();
        var walk = new AuditChainWalk(checks.Select(c => c.Checkpoint.Length));
        foreach (var row in all.Where(r => r.Seq is not null).OrderBy(r => r.Seq))
        {
            walk.Add(row);
        }

        return Conclude(walk, all.Where(r => r.Seq is null).OrderBy(r => r.At).FirstOrDefault(), checks, problems);
    }

    /// <summary>
    /// The verdict once every chained row went through <paramref name="walk"/> in order of place:
    /// its first break, else the earliest row without a place (<paramref name="firstOutside"/>), else the
    /// first checkpoint the chain no longer matches.
    /// </summary>
    public static AuditVerification Conclude(AuditChainWalk walk, AuditRecord? firstOutside, IReadOnlyList<CheckpointToCheck> checks, IReadOnlyList<AuditCheckpointProblem>? problems = null)
    {
        var found = walk.Break;
        if (found is null && firstOutside is not null)
        {
            found = new AuditBreak(AuditBreakKind.RowInserted, 0, firstOutside.Id, $"row {firstOutside.Id} ({firstOutside.Action}, {firstOutside.At:u}) has no place in the chain");
        }

        if (found is null)
        {
            var last = walk.LastSeq;
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

                var (id, hash) = walk.At(checkpoint.Length);
                if (!string.Equals(hash, checkpoint.HeadHash, StringComparison.OrdinalIgnoreCase))
                {
                    found = new AuditBreak(AuditBreakKind.RowChanged, checkpoint.Length, id,
                        $"row {checkpoint.Length} is not the one the checkpoint ({check.Source}) of {checkpoint.At:u} saw: the rows up to it were rewritten");
                    break;
                }
            }
        }

        return new AuditVerification(walk.Length, walk.Head, checks.Count, found, problems ?? []);
    }
}

/// <summary>
/// The chain walked one row at a time, in order of place: names the first broken link, counts the
/// rows, keeps the head and the row at each position a checkpoint will be held against.
/// </summary>
public sealed class AuditChainWalk(IEnumerable<long> checkpointLengths)
{
    private readonly HashSet<long> _remember = [.. checkpointLengths];
    private readonly Dictionary<long, (Guid Id, string? Hash)> _remembered = [];
    private AuditRecord? _before;
    private string _previousHash = AuditCanonicalForm.Genesis;
    private long _expected = 1;

    /// <summary>The first broken link, once found (the walk goes on counting the rows after it).</summary>
    public AuditBreak? Break { get; private set; }

    /// <summary>Chained rows seen.</summary>
    public long Length { get; private set; }

    /// <summary>The place of the last row seen (0 when none).</summary>
    public long LastSeq { get; private set; }

    /// <summary>The hash of the last row seen (the genesis value when none).</summary>
    public string Head { get; private set; } = AuditCanonicalForm.Genesis;

    /// <summary>The row seen at position <paramref name="position"/> (1-based), if a checkpoint asked for it.</summary>
    public (Guid? Id, string? Hash) At(long position) => _remembered.TryGetValue(position, out var row) ? (row.Id, row.Hash) : (null, null);

    /// <summary>The next chained row, in order of place.</summary>
    public void Add(AuditRecord row)
    {
        Length++;
        LastSeq = row.Seq!.Value;
        Head = row.Hash ?? string.Empty;
        if (_remember.Contains(Length))
        {
            _remembered[Length] = (row.Id, row.Hash);
        }

        if (Break is null)
        {
            Break = Check(row);
            _before = row;
        }
    }

    private AuditBreak? Check(AuditRecord row)
    {
        var seq = row.Seq!.Value;
        if (seq > _expected)
        {
            return new AuditBreak(AuditBreakKind.RowDeleted, _expected, null,
                seq - _expected == 1 ? $"row {_expected} is missing (row {seq} follows row {_expected - 1})" : $"rows {_expected}–{seq - 1} are missing");
        }

        if (seq < _expected)
        {
            return new AuditBreak(AuditBreakKind.RowInserted, seq, row.Id, $"two rows hold place {seq}");
        }

        if (!string.Equals(row.PreviousHash, _previousHash, StringComparison.Ordinal))
        {
            var before = _before ?? row;
            if (_before is not null && string.Equals(row.PreviousHash, before.PreviousHash, StringComparison.Ordinal))
            {
                return new AuditBreak(AuditBreakKind.RowInserted, before.Seq!.Value, before.Id,
                    $"row {before.Seq} was slipped in: row {seq} still links to row {before.Seq!.Value - 1}");
            }

            if (row.PreviousHash is not null && string.Equals(row.Hash, AuditCanonicalForm.Hash(row, seq - 1, row.PreviousHash), StringComparison.Ordinal))
            {
                return new AuditBreak(AuditBreakKind.RowInserted, seq - 1, _before?.Id,
                    $"the rows from {seq - 1} on were moved down one place to make room for a row");
            }

            if (row.PreviousHash is not null && string.Equals(row.Hash, AuditCanonicalForm.Hash(row, seq + 1, row.PreviousHash), StringComparison.Ordinal))
            {
                return new AuditBreak(AuditBreakKind.RowDeleted, seq, row.Id,
                    $"a row before this one was removed and the rows after it renumbered (this row was row {seq + 1})");
            }

            return _before is null
                ? new AuditBreak(AuditBreakKind.RowChanged, seq, row.Id, $"row {seq} does not start from the beginning of the chain")
                : new AuditBreak(AuditBreakKind.RowChanged, before.Seq!.Value, before.Id,
                    $"row {before.Seq} was rewritten: its hash is no longer the one row {seq} links to");
        }

        if (!string.Equals(row.Hash, AuditCanonicalForm.Hash(row, seq, _previousHash), StringComparison.Ordinal))
        {
            return new AuditBreak(AuditBreakKind.RowChanged, seq, row.Id, $"row {seq} ({row.Action}) was changed: its content no longer gives its hash");
        }

        _previousHash = row.Hash!;
        _expected++;
        return null;
    }
}
