namespace IntergovCommission.Domain.Sessions;

/// <summary>
/// KZRU-12 (Regulation cl. 9): a member's agenda proposal reaches the secretary of the member's
/// side no later than N days before the session. The deadline is the session's start minus N
/// calendar days on the wall clock of the zone the session was set in; arrivals are instants
/// (stamped by the server in UTC), so zones and daylight saving cannot shift the comparison.
/// </summary>
public static class ProposalDeadline
{
    public static DateTimeOffset For(DateTimeOffset sessionStart, string timeZoneId, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var localStart = TimeZoneInfo.ConvertTime(sessionStart, zone).DateTime;
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
