namespace IntergovCommission.Web.Data;

/// <summary>KZRU-22: a recorded disposal of a commission's records for a period, after their term (who, when, which records, on which decision, the archive's hash).</summary>
public sealed class DisposalAct
{
    private DisposalAct() { ByDecision = string.Empty; ArchiveSha256 = string.Empty; Records = "{}"; }

    public DisposalAct(Guid id, Guid commissionId, DateOnly periodFrom, DateOnly periodTo, string byDecision, string archiveSha256, string records, DateTimeOffset recordedAt, Guid? recordedByUserId)
    {
        Id = id;
        CommissionId = commissionId;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        ByDecision = byDecision;
        ArchiveSha256 = archiveSha256;
        Records = records;
        RecordedAt = recordedAt;
        RecordedByUserId = recordedByUserId;
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public string ByDecision { get; private set; }
    public string ArchiveSha256 { get; private set; }

    /// <summary>JSON: the sessions, decisions and materials of the period.</summary>
    public string Records { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid? RecordedByUserId { get; private set; }
}
