using IntergovCommission.Domain.Calendars;

namespace IntergovCommission.Domain.Tests.Execution;

/// <summary>The shipped facts the arithmetic is tested on (docs/working-days.md; Russia 2025 as decree No. 1335 reads).</summary>
internal static class Calendars
{
    private static CalendarDay H(int y, int m, int d) => new(new DateOnly(y, m, d), CalendarDayKind.Holiday);
    private static CalendarDay Off(int y, int m, int d, int fm, int fd, int? fy = null) => new(new DateOnly(y, m, d), CalendarDayKind.DayOff, new DateOnly(fy ?? y, fm, fd));
    private static CalendarDay Work(int y, int m, int d) => new(new DateOnly(y, m, d), CalendarDayKind.WorkingWeekend);
    private static CalendarDay Short(int y, int m, int d) => new(new DateOnly(y, m, d), CalendarDayKind.Shortened);

    public static CalendarYear Kz2025 { get; } = CalendarYear.Create("KZ", 2025, "decree No. 436", false,
    [
        H(2025, 1, 1), H(2025, 1, 2), Off(2025, 1, 3, 1, 5), Work(2025, 1, 5), H(2025, 1, 7), Off(2025, 3, 10, 3, 8), H(2025, 3, 21), Off(2025, 3, 24, 3, 22), Off(2025, 3, 25, 3, 23),
        H(2025, 5, 1), H(2025, 5, 7), H(2025, 5, 9), H(2025, 6, 6), Off(2025, 7, 7, 7, 6), Off(2025, 9, 1, 8, 30), Off(2025, 10, 27, 10, 25), H(2025, 12, 16),
    ]);

    public static CalendarYear Kz2026 { get; } = CalendarYear.Create("KZ", 2026, "inform.kz", false,
    [
        H(2026, 1, 1), H(2026, 1, 2), H(2026, 1, 7), Off(2026, 3, 9, 3, 8), H(2026, 3, 23), Off(2026, 3, 24, 3, 21), Off(2026, 3, 25, 3, 22),
        H(2026, 5, 1), H(2026, 5, 7), Off(2026, 5, 11, 5, 9), H(2026, 5, 27), H(2026, 7, 6), Off(2026, 10, 26, 10, 25), H(2026, 12, 16),
    ]);

    public static CalendarYear Ru2025 { get; } = CalendarYear.Create("RU", 2025, "decree No. 1335", false,
    [
        H(2025, 1, 1), H(2025, 1, 2), H(2025, 1, 3), H(2025, 1, 6), H(2025, 1, 7), H(2025, 1, 8), Short(2025, 3, 7), Short(2025, 4, 30), H(2025, 5, 1), Off(2025, 5, 2, 1, 4),
        Off(2025, 5, 8, 2, 23), H(2025, 5, 9), Short(2025, 6, 11), H(2025, 6, 12), Off(2025, 6, 13, 3, 8), Work(2025, 11, 1), Off(2025, 11, 3, 11, 1), H(2025, 11, 4), Off(2025, 12, 31, 1, 5),
    ]);

    public static CalendarYear Ru2026 { get; } = CalendarYear.Create("RU", 2026, "decree No. 1466", false,
    [
        H(2026, 1, 1), H(2026, 1, 2), H(2026, 1, 5), H(2026, 1, 6), H(2026, 1, 7), H(2026, 1, 8), Off(2026, 1, 9, 1, 3), H(2026, 2, 23), Off(2026, 3, 9, 3, 8),
        Short(2026, 4, 30), H(2026, 5, 1), Short(2026, 5, 8), Off(2026, 5, 11, 5, 9), Short(2026, 6, 11), H(2026, 6, 12), Short(2026, 11, 3), H(2026, 11, 4), Off(2026, 12, 31, 1, 4),
    ]);

    public static CalendarYear Ru2027 { get; } = CalendarYear.Create("RU", 2027, "decree No. 1187", false,
    [
        H(2027, 1, 1), H(2027, 1, 4), H(2027, 1, 5), H(2027, 1, 6), H(2027, 1, 7), H(2027, 1, 8), Work(2027, 2, 20), Off(2027, 2, 22, 2, 20), H(2027, 2, 23), H(2027, 3, 8),
        Off(2027, 5, 3, 5, 1), Off(2027, 5, 10, 5, 9), Off(2027, 6, 14, 6, 12), H(2027, 11, 4), Off(2027, 11, 5, 1, 2), Off(2027, 12, 31, 1, 3),
    ]);

    public static WorkingDayCalendar Kz { get; } = new("KZ", [Kz2025, Kz2026]);
    public static WorkingDayCalendar Ru { get; } = new("RU", [Ru2025, Ru2026, Ru2027]);
}
