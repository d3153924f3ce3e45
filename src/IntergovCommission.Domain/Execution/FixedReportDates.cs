namespace IntergovCommission.Domain.Execution;

/// <summary>What is due on a fixed report date.</summary>
public enum FixedReportKind
{
    /// <summary>WF-05: the half-year consolidated report, by 15 June and by 15 December.</summary>
    HalfYear = 1,
    /// <summary>WF-05: the annual consolidated report, by 10 January.</summary>
    Year = 2,
    /// <summary>WF-07: the annual report on the execution of each treaty to the Ministry of Foreign Affairs, by 10 January.</summary>
    Treaties = 3,
}

/// <summary>A fixed report date with the period its report covers.</summary>
public sealed record FixedReportDate(DateOnly On, FixedReportKind Kind, DateOnly From, DateOnly To);

/// <summary>WF-05, WF-07: the fixed report dates — 15 June, 15 December, 10 January — and the periods they cover.</summary>
public static class FixedReportDates
{
    /// <summary>Every fixed report date of the calendar year <paramref name="year"/>.</summary>
    public static IReadOnlyList<FixedReportDate> Of(int year) =>
    [
        new(new DateOnly(year, 1, 10), FixedReportKind.Year, new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31)),
        new(new DateOnly(year, 1, 10), FixedReportKind.Treaties, new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31)),
        new(new DateOnly(year, 6, 15), FixedReportKind.HalfYear, new DateOnly(year, 1, 1), new DateOnly(year, 6, 15)),
        new(new DateOnly(year, 12, 15), FixedReportKind.HalfYear, new DateOnly(year, 6, 16), new DateOnly(year, 12, 15)),
    ];

    /// <summary>The fixed dates on or after <paramref name="today"/>, soonest first (at least a year ahead).</summary>
    public static IReadOnlyList<FixedReportDate> Upcoming(DateOnly today, int count = 4) =>
        [.. Of(today.Year).Concat(Of(today.Year + 1)).Where(d => d.On >= today).OrderBy(d => d.On).ThenBy(d => d.Kind).Take(count)];
}
