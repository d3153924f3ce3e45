namespace IntergovCommission.Web.Features.Audit;

/// <summary>Settings of the audit chain (section "Audit"; docs/operations.md).</summary>
public sealed class AuditOptions
{
    /// <summary>
    /// The checkpoint file outside the database (one signed checkpoint per line, JSON). Empty: the
    /// app's data folder (next to the development document certificate), audit-checkpoints.jsonl.
    /// </summary>
    public string? CheckpointFile { get; set; }

    /// <summary>How often a checkpoint is signed when the chain has grown (setting Audit:CheckpointInterval).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the whole chain is verified in the background (setting Audit:VerificationInterval).</summary>
    public TimeSpan VerificationInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Resolved at start-up: the file actually used.</summary>
    public string ResolvedCheckpointFile { get; set; } = string.Empty;
}
