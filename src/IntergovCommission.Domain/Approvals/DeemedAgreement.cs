using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Execution;

namespace IntergovCommission.Domain.Approvals;

/// <summary>A body's standing on a draft sent round for approval (WF-04).</summary>
public enum ApprovalStanding
{
    /// <summary>No written answer yet and the term is still running.</summary>
    Awaiting = 1,

    /// <summary>Answered in writing: agreed without remarks.</summary>
    Agreed = 2,

    /// <summary>Answered in writing with remarks.</summary>
    AgreedWithRemarks = 3,

    /// <summary>Answered in writing: does not agree.</summary>
    Disagreed = 4,

    /// <summary>No written answer within the term: deemed to agree without remarks.</summary>
    DeemedAgreed = 5,
}

/// <summary>
/// WF-04 (seed 004 cl. 32): a draft sent round for approval; a body that gives no written answer within
/// <see cref="TermWorkingDays"/> working days (of the body's country) is deemed to agree without remarks.
/// </summary>
public static class DeemedAgreement
{
    public const int TermWorkingDays = 2;

    /// <summary>The last day a written answer is in time: the 2nd working day after the day the draft was sent.</summary>
    public static DateOnly TermEnds(WorkingDayCalendar calendar, DateOnly sentOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(sentOn, TermWorkingDays).Date;
    }

    /// <summary>The term as a deadline kept with its rule ("2 working days from …, KZ calendar") and the years counted without a calendar.</summary>
    public static Deadline Term(WorkingDayCalendar calendar, DateOnly sentOn) => Deadline.InWorkingDays(calendar, sentOn, TermWorkingDays);

    /// <summary>A written answer a body can give (not a derived standing).</summary>
    public static bool IsAnswer(ApprovalStanding standing) => standing is ApprovalStanding.Agreed or ApprovalStanding.AgreedWithRemarks or ApprovalStanding.Disagreed;

    /// <summary>
    /// The body's standing on <paramref name="today"/>: its written answer if it gave one in time; otherwise, once the term
    /// has ended, deemed agreement. An answer given after the term does not undo the deemed agreement.
    /// </summary>
    public static ApprovalStanding Standing(WorkingDayCalendar calendar, DateOnly sentOn, DateOnly today, ApprovalStanding? answer, DateOnly? answeredOn) =>
        Standing(TermEnds(calendar, sentOn), today, answer, answeredOn);

    /// <summary>The same, from the term's last day as stored when the draft was sent round.</summary>
    public static ApprovalStanding Standing(DateOnly ends, DateOnly today, ApprovalStanding? answer, DateOnly? answeredOn)
    {
        if (answer is ApprovalStanding given && answeredOn is DateOnly on && on <= ends)
        {
            return given;
        }

        return today > ends ? ApprovalStanding.DeemedAgreed : answer ?? ApprovalStanding.Awaiting;
    }
}
