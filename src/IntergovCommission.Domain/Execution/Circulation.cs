using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Execution;

/// <summary>
/// WF-04 (seed 004 cl. 32): a draft document sent round to bodies for approval; each body answers within
/// <see cref="DeemedAgreement.TermWorkingDays"/> working days of receiving it (counted on the responsible side's calendar), or is
/// deemed to agree without remarks.
/// </summary>
public sealed class Circulation
{
    private readonly List<CirculationBody> _bodies = [];

    private Circulation() { TitleRu = string.Empty; YearsWithoutCalendar = []; }

    public Circulation(Guid id, Guid commissionId, Guid sideId, int number, string titleRu, string? titleKk, string? document, Deadline due, Guid createdByPersonId, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(due);
        Id = id;
        CommissionId = commissionId;
        SideId = sideId;
        Number = number;
        TitleRu = titleRu;
        TitleKk = titleKk;
        Document = document;
        SentOn = due.CountedFrom ?? due.Due;
        DueOn = due.Due;
        YearsWithoutCalendar = [.. due.YearsWithoutCalendar];
        CreatedByPersonId = createdByPersonId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    /// <summary>The responsible side: its country's calendar counts the term.</summary>
    public Guid SideId { get; private set; }
    public int Number { get; private set; }
    public string TitleRu { get; private set; }
    public string? TitleKk { get; private set; }
    /// <summary>What was sent round (its name, reference or where it is kept).</summary>
    public string? Document { get; private set; }
    /// <summary>The day the bodies received the draft (not counted).</summary>
    public DateOnly SentOn { get; private set; }
    /// <summary>The last day of the term: the second working day after <see cref="SentOn"/>.</summary>
    public DateOnly DueOn { get; private set; }
    public int[] YearsWithoutCalendar { get; private set; }
    public Guid CreatedByPersonId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<CirculationBody> Bodies => _bodies;

    /// <summary>
    /// The term counted again on a changed calendar (WF-06: a calendar edit moves what is counted on it). Returns the former last day
    /// when it moved. Answers already recorded stay as they are.
    /// </summary>
    public DateOnly? Recount(Calendars.WorkingDayCalendar calendar)
    {
        var term = DeemedAgreement.Term(calendar, SentOn);
        if (term.Due == DueOn && term.YearsWithoutCalendar.SequenceEqual(YearsWithoutCalendar))
        {
            return null;
        }

        var from = DueOn;
        DueOn = term.Due;
        YearsWithoutCalendar = [.. term.YearsWithoutCalendar];
        return from == DueOn ? null : from;
    }

    public CirculationBody AddBody(Guid id, string organisation)
    {
        var body = new CirculationBody(id, Id, organisation);
        _bodies.Add(body);
        return body;
    }
}

/// <summary>One body a draft was sent to, with its written answer once recorded.</summary>
public sealed class CirculationBody
{
    private CirculationBody() { Organisation = string.Empty; }

    internal CirculationBody(Guid id, Guid circulationId, string organisation)
    {
        Id = id;
        CirculationId = circulationId;
        Organisation = organisation;
    }

    public Guid Id { get; private set; }
    public Guid CirculationId { get; private set; }
    public string Organisation { get; private set; }
    public ApprovalStanding? Answer { get; private set; }
    public string? AnswerText { get; private set; }
    /// <summary>The day the written answer came in.</summary>
    public DateOnly? ReceivedOn { get; private set; }
    public Guid? RecordedByPersonId { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>
    /// Records the body's written answer (WF-04). Refused when an answer is already on record, and when it came in after the term:
    /// the body is then deemed to have agreed without remarks, and a later letter does not change that.
    /// </summary>
    public void RecordAnswer(ApprovalStanding answer, string? text, DateOnly receivedOn, DateOnly sentOn, DateOnly dueOn, Guid personId, DateTimeOffset at)
    {
        if (!DeemedAgreement.IsAnswer(answer))
        {
            throw new ArgumentOutOfRangeException(nameof(answer), answer, "Only agreed, agreed with remarks or disagreed is an answer.");
        }

        if (Answer is not null)
        {
            throw new RuleViolationException("WF-04", "Circulation.Rule.Answered", "WF-04 (seed 004 cl. 32): this body's answer is already on record.");
        }

        if (receivedOn < sentOn)
        {
            throw new RuleViolationException("WF-04", "Circulation.Rule.BeforeSent", "WF-04 (seed 004 cl. 32): an answer cannot come in before the draft was sent.");
        }

        if (receivedOn > dueOn)
        {
            throw new RuleViolationException("WF-04", "Circulation.Rule.Late",
                "WF-04 (seed 004 cl. 32): no written answer came within 2 working days (by {0:dd.MM.yyyy}); the body is deemed to agree without remarks.", dueOn);
        }

        Answer = answer;
        AnswerText = text;
        ReceivedOn = receivedOn;
        RecordedByPersonId = personId;
        RecordedAt = at;
    }
}
