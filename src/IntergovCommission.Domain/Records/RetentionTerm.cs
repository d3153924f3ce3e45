using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Records;

/// <summary>
/// KZRU-22: how long a commission's records (signed decisions, their issued PDFs and signatures,
/// the sessions' minutes and materials) are kept. The term runs from the date the flight tests
/// were completed (recorded with the act that states it), for the profile's years; or a decision
/// of the commission sets another end date. Until a basis is recorded, the term has not started:
/// everything is kept.
/// </summary>
public static class RetentionTerm
{
    /// <summary>The profile's retention rule; a regulation that sets none (CIS) has no term to count or dispose by: refused, records are kept.</summary>
    public static RetentionRule RuleOf(RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Retention ?? throw new Common.RuleViolationException(profile.Composition.Rule.Id, "Rule.Retention.NoTerm",
            "{0} (Regulation {1}): this body's regulation sets no retention term; its records are kept and none is disposed of.", profile.Composition.Rule.Id, profile.Composition.Rule.Clause);
    }

    /// <summary>The last day records are kept, counted from the completion of the flight tests.</summary>
    public static DateOnly KeepUntil(DateOnly flightTestsCompletedOn, RetentionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return flightTestsCompletedOn.AddYears(rule.YearsAfterFlightTests);
    }

    /// <summary>True while <paramref name="today"/> is within the term (no term yet: always).</summary>
    public static bool IsKept(DateOnly? keepUntil, DateOnly today) => keepUntil is null || today <= keepUntil.Value;

    /// <summary>Refuses deleting or replacing a record within its term (KZRU-22), for anyone.</summary>
    public static void RequireOutsideTerm(DateOnly? keepUntil, DateOnly today, RetentionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (IsKept(keepUntil, today))
        {
            throw new RuleViolationException(rule.Rule.Id, keepUntil is null ? "Rule.Records.KeptTermNotStarted" : "Rule.Records.KeptUntil",
                keepUntil is null
                    ? $"{rule.Rule.Id} (Regulation {rule.Rule.Clause}): records are kept until {rule.YearsAfterFlightTests} years after the flight tests are completed, and their completion is not recorded yet."
                    : $"{rule.Rule.Id} (Regulation {rule.Rule.Clause}): records are kept until {keepUntil:yyyy-MM-dd}.",
                keepUntil?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }
}
