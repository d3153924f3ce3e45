namespace IntergovCommission.Web.Data;

/// <summary>
/// KZRU-22: the basis of a commission's retention term as recorded — the flight tests' completion
/// date with its act, or a decision setting another term — and the last day records are kept.
/// Append-only: a later row is the term in force.
/// </summary>
public sealed class RetentionBasis
{
    private RetentionBasis() { Act = string.Empty; }

    public RetentionBasis(Guid id, Guid commissionId, DateOnly? flightTestsCompletedOn, Guid? termDecisionId, DateOnly keepUntil, string act, DateTimeOffset recordedAt, Guid? recordedByUserId)
    {
        if (flightTestsCompletedOn is null && termDecisionId is null)
        {
            throw new ArgumentException("A retention basis is the flight tests' completion or a decision.");
        }

        Id = id;
        CommissionId = commissionId;
        FlightTestsCompletedOn = flightTestsCompletedOn;
        TermDecisionId = termDecisionId;
        KeepUntil = keepUntil;
        Act = act;
        RecordedAt = recordedAt;
        RecordedByUserId = recordedByUserId;
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    public DateOnly? FlightTestsCompletedOn { get; private set; }
    public Guid? TermDecisionId { get; private set; }
    public DateOnly KeepUntil { get; private set; }

    /// <summary>The act that states the completion (authority, number, date), or the decision's wording of the term.</summary>
    public string Act { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid? RecordedByUserId { get; private set; }
}
