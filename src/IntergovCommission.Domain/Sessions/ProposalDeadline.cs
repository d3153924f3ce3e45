namespace IntergovCommission.Domain.Sessions;

/// <summary>
/// KZRU-12 (Regulation cl. 9): a member's agenda proposal reaches the secretary of the member's
/// side no later than N days before the session. The deadline is the session's start minus N
/// calendar days on the wall clock of the zone the session was set in; arrivals are instants
/// (stamped by the server in UTC), so zones and daylight saving cannot shift the comparison.
/// </summary>
public static class ProposalDeadline
{
    /// <param name="counting">
    /// <see cref="Regulation.DeadlineCounting.EndOfDayBeforeSessionDate"/>: "no later than N days before the session date"
    /// (KZRU-12, seed 000 cl. 9): the whole day D-N in the session's zone counts, so the last moment is its end.
    /// <see cref="Regulation.DeadlineCounting.AtSessionHour"/>: N days before the start, at its hour.
    /// </param>
    public static DateTimeOffset For(DateTimeOffset sessionStart, string timeZoneId, int days, Regulation.DeadlineCounting counting = Regulation.DeadlineCounting.AtSessionHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var localStart = TimeZoneInfo.ConvertTime(sessionStart, zone).DateTime;
        if (counting == Regulation.DeadlineCounting.EndOfDayBeforeSessionDate)
        {
            // The first instant of day D-N+1, less one tick: the end of day D-N on the session's wall clock.
            var nextDay = DateTime.SpecifyKind(localStart.Date.AddDays(-days + 1), DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(nextDay))
            {
                nextDay = nextDay.AddMinutes(1);
            }

            var nextOffset = zone.IsAmbiguousTime(nextDay) ? zone.GetAmbiguousTimeOffsets(nextDay).Max() : zone.GetUtcOffset(nextDay);
            return new DateTimeOffset(nextDay, nextOffset).ToUniversalTime().AddTicks(-1);
        }

        var localDeadline = DateTime.SpecifyKind(localStart.AddDays(-days), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(localDeadline))
        {
            // A wall-clock time skipped by a daylight-saving jump: the first valid minute after it.
            localDeadline = localDeadline.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(localDeadline)
            ? zone.GetAmbiguousTimeOffsets(localDeadline).Max() // the earlier of the two instants: stricter, never later than the rule
            : zone.GetUtcOffset(localDeadline);
        return new DateTimeOffset(localDeadline, offset).ToUniversalTime();
    }

    /// <summary>Exactly at the deadline is on time; any later instant is late.</summary>
    public static bool IsLate(DateTimeOffset arrival, DateTimeOffset deadline) => arrival > deadline;
}
