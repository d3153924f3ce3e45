using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Sessions;

/// <summary>
/// CIS-04 (s. 5.1): the body meets at least N times a year. Where the profile has such a rule, the next session is due
/// within 12/N months of the last one held; a body whose profile is silent (KZRU) is never reminded.
/// </summary>
public static class SessionFrequency
{
    /// <summary>The last day the next session is due by: 12/N months after the last one held (a year for CIS-04).</summary>
    public static DateOnly NextDueBy(SessionFrequencyRule rule, DateOnly lastHeld)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return lastHeld.AddMonths(12 / Math.Clamp(rule.AtLeastPerYear, 1, 12));
    }

    /// <summary>
    /// The day the next session is due by when none is scheduled in time (null: the profile is silent, nothing was held
    /// yet, or a session is scheduled on or before that day).
    /// </summary>
    public static DateOnly? MissingBy(RegulationProfile profile, DateOnly? lastHeld, IEnumerable<DateOnly> scheduledAfterLastHeld)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(scheduledAfterLastHeld);
        if (profile.Frequency is not { } rule || lastHeld is not { } held)
        {
            return null;
        }

        var due = NextDueBy(rule, held);
        return scheduledAfterLastHeld.Any(d => d > held && d <= due) ? null : due;
    }
}
