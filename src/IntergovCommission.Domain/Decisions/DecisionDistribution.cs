using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Decisions;

/// <summary>
/// CIS-12 (Regulation s. 5.16): the documents adopted at a session are sent to all members within the
/// profile's term. The secretariat records when and how an issued decision was sent; until then it is
/// due, and overdue after the term (derived, never stored). One record per decision (a constraint).
/// </summary>
public sealed class DecisionDistribution
{
    private DecisionDistribution() { How = string.Empty; }

    public DecisionDistribution(Guid id, Guid decisionId, DateOnly sentOn, string how, Guid recordedByPersonId, DateTimeOffset recordedAt)
    {
        Id = id;
        DecisionId = decisionId;
        SentOn = sentOn;
        How = how.Trim();
        RecordedByPersonId = recordedByPersonId;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public DateOnly SentOn { get; private set; }
    /// <summary>How and to whom (e.g. "to every member by diplomatic mail, ref. 12-3/45").</summary>
    public string How { get; private set; }
    public Guid RecordedByPersonId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The last day to send: the session's date plus the profile's days.</summary>
    public static DateOnly Due(DistributionRule rule, DateOnly sessionDate)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return sessionDate.AddDays(rule.Days);
    }

    public static bool IsOverdue(DistributionRule rule, DateOnly sessionDate, DateOnly? sentOn, DateOnly today) =>
        sentOn is DateOnly sent ? sent > Due(rule, sessionDate) : today > Due(rule, sessionDate);

    /// <summary>The date sent is not before the decision was issued, nor in the future.</summary>
    public static void CheckSentOn(DistributionRule rule, DateOnly sentOn, DateOnly issuedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (sentOn < issuedOn || sentOn > today)
        {
            throw new RuleViolationException(rule.Rule.Id, "Rule.Distribution.Date",
                "{0} (Regulation {1}): the date of sending is between the decision's issue ({2}) and today.", rule.Rule.Id, rule.Rule.Clause, issuedOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
