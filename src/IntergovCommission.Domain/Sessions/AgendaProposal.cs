using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Sessions;

public enum ProposalStatus
{
    /// <summary>Received by the secretary of the member's side, not yet decided.</summary>
    Submitted = 0,
    /// <summary>On the draft agenda as a regular item.</summary>
    Accepted = 1,
    /// <summary>KZRU-12: late; on the agenda as an unscheduled item awaiting (or having) the co-chairs' acceptance.</summary>
    AcceptedAsUnscheduled = 2,
    /// <summary>WF-02: declined with a reason the member sees.</summary>
    Declined = 3,
}

/// <summary>
/// A member's proposal for a session's agenda (KZRU-06): it goes to the secretary of the member's
/// own side (KZRU-06, KZRU-13), is stamped on arrival by the server, and is flagged late after the
/// profile's deadline (KZRU-12).
/// </summary>
public sealed class AgendaProposal
{
    private AgendaProposal() { Title = LocalizedText.Empty; Rationale = LocalizedText.Empty; DraftDecision = LocalizedText.Empty; }

    public AgendaProposal(Guid id, Session session, Guid proposerPersonId, Guid sideId, LocalizedText title, LocalizedText rationale, LocalizedText draftDecision, DateTimeOffset receivedAt, int deadlineDays, Regulation.DeadlineCounting counting = Regulation.DeadlineCounting.AtSessionHour)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.AcceptsProposals)
        {
            throw new RuleViolationException("KZRU-06", "Proposals.Rule.SessionOver", "KZRU-06 (Regulation cl. 7): session {0} is closed or cancelled; it takes no more proposals.", session.Number);
        }

        if (string.IsNullOrWhiteSpace(title.Ru) && string.IsNullOrWhiteSpace(title.Kk))
        {
            throw new RuleViolationException("KZRU-06", "Proposals.Rule.TitleRequired", "KZRU-06 (Regulation cl. 7): a proposal needs a title in Kazakh or Russian.");
        }

        Id = id;
        SessionId = session.Id;
        CommissionId = session.CommissionId;
        ProposerPersonId = proposerPersonId;
        SideId = sideId;
        Title = title;
        Rationale = rationale;
        DraftDecision = draftDecision;
        ReceivedAt = receivedAt.ToUniversalTime();
        DeadlineAt = session.ProposalDeadline(deadlineDays, counting);
        IsLate = ProposalDeadline.IsLate(ReceivedAt, DeadlineAt);
        Status = ProposalStatus.Submitted;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid CommissionId { get; private set; }
    public Guid ProposerPersonId { get; private set; }
    /// <summary>The proposer's side: only this side's secretary receives and decides it (KZRU-06).</summary>
    public Guid SideId { get; private set; }
    public LocalizedText Title { get; private set; }
    public LocalizedText Rationale { get; private set; }
    public LocalizedText DraftDecision { get; private set; }
    /// <summary>Stamped by the server on arrival.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>KZRU-12: the deadline in force when it arrived.</summary>
    public DateTimeOffset DeadlineAt { get; private set; }
    public bool IsLate { get; private set; }
    public ProposalStatus Status { get; private set; }
    public string? DeclineReason { get; private set; }
    public Guid? DecidedByPersonId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? AgendaItemId { get; private set; }
    public uint Version { get; private set; }

    /// <summary>
    /// The secretary takes it onto the agenda: an on-time proposal as a regular item; a late one
    /// (KZRU-12) only as an unscheduled item that every co-chair must then accept.
    /// </summary>
    public AgendaItem AcceptInto(Session session, Guid itemId, Regulation.DecisionKind kind, string? rapporteurs, Guid secretaryPersonId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        RequireUndecided();
        if (session.Id != SessionId)
        {
            throw new ArgumentException("The proposal belongs to another session.", nameof(session));
        }

        var content = new AgendaItemContent(Title, rapporteurs, kind, DraftDecision);
        var item = IsLate
            ? session.AddUnscheduledItem(itemId, content, Id)
            : session.AddItem(itemId, content, Id);
        Status = IsLate ? ProposalStatus.AcceptedAsUnscheduled : ProposalStatus.Accepted;
        AgendaItemId = item.Id;
        DecidedByPersonId = secretaryPersonId;
        DecidedAt = now;
        return item;
    }

    /// <summary>WF-02: a refusal is always reasoned; the member sees the reason.</summary>
    public void Decline(string reason, Guid secretaryPersonId, DateTimeOffset now)
    {
        RequireUndecided();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("WF-02", "Proposals.Rule.DeclineNeedsReason", "WF-02: declining a proposal needs a reason; the member sees it.");
        }

        Status = ProposalStatus.Declined;
        DeclineReason = reason.Trim();
        DecidedByPersonId = secretaryPersonId;
        DecidedAt = now;
    }

    private void RequireUndecided()
    {
        if (Status != ProposalStatus.Submitted)
        {
            throw new RuleViolationException("KZRU-06", "Proposals.Rule.AlreadyDecided", "KZRU-06 (Regulation cl. 7): this proposal has already been decided ({0}).", Status);
        }
    }
}
