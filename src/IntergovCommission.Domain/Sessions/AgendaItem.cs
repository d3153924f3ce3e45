using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Sessions;

/// <summary>
/// One question of a session's agenda (KZRU-07, KZRU-11). Its <see cref="Id"/> is stable across
/// reordering and versions, so materials and decisions can hang on it. Changed only through its
/// <see cref="Session"/>, which versions the agenda.
/// </summary>
public sealed class AgendaItem
{
    private readonly List<UnscheduledAcceptance> _acceptances = [];

    private AgendaItem() { Title = LocalizedText.Empty; DraftDecision = LocalizedText.Empty; }

    internal AgendaItem(Guid id, Guid sessionId, int position, AgendaItemContent content, bool isUnscheduled, Guid? proposalId, AgendaItemOrigin? origin = null)
    {
        Id = id;
        SessionId = sessionId;
        Position = position;
        IsUnscheduled = isUnscheduled;
        ProposalId = proposalId;
        CarriedFromItemId = origin?.FromItemId;
        CarryReason = origin?.Reason;
        ReferralId = origin?.ReferralId;
        Title = LocalizedText.Empty;
        DraftDecision = LocalizedText.Empty;
        Apply(content);
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    /// <summary>1-based order on the agenda.</summary>
    public int Position { get; private set; }
    public LocalizedText Title { get; private set; }
    public string? Rapporteurs { get; private set; }

    /// <summary>The speakers in Kazakh for the Kazakh column of the documents; null when not given.</summary>
    public string? RapporteursKk { get; private set; }
    public DecisionKind DecisionKind { get; private set; }
    public LocalizedText DraftDecision { get; private set; }
    /// <summary>KZRU-12: a late proposal enters only as an unscheduled item that every co-chair accepts.</summary>
    public bool IsUnscheduled { get; private set; }
    /// <summary>The member's proposal this item came from, if any.</summary>
    public Guid? ProposalId { get; private set; }
    public IReadOnlyCollection<UnscheduledAcceptance> Acceptances => _acceptances;
    /// <summary>The item of an earlier session this one was carried from (deferred, or returned from an expert group).</summary>
    public Guid? CarriedFromItemId { get; private set; }
    public AgendaCarry? CarryReason { get; private set; }
    /// <summary>KZRU-20: the expert-group referral whose proposal this item brings back.</summary>
    public Guid? ReferralId { get; private set; }
    /// <summary>KZRU-11: set when the item was not reached and is deferred to the next session.</summary>
    public DateTimeOffset? DeferredAt { get; private set; }
    public Guid? DeferredByPersonId { get; private set; }
    public bool IsDeferred => DeferredAt is not null;

    /// <summary>CIS-11: the states (sides) whose interests this item directly affects; it is not voted on in their absence.</summary>
    public List<Guid> AffectedSideIds { get; private set; } = [];

    public void MarkAffected(IEnumerable<Guid> sideIds) => AffectedSideIds = sideIds.Distinct().ToList();

    /// <summary>What a carried copy of this item starts from: title, rapporteurs, kind, draft decision.</summary>
    public AgendaItemContent Content => new(Title, Rapporteurs, DecisionKind, DraftDecision, RapporteursKk);

    internal void Apply(AgendaItemContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(content.Title.Ru) && string.IsNullOrWhiteSpace(content.Title.Kk))
        {
            throw new RuleViolationException("KZRU-07", "Agenda.Rule.TitleRequired", "KZRU-07 (Regulation cl. 8): an agenda item needs a title in Kazakh or Russian.");
        }

        Title = content.Title;
        Rapporteurs = string.IsNullOrWhiteSpace(content.Rapporteurs) ? null : content.Rapporteurs.Trim();
        RapporteursKk = string.IsNullOrWhiteSpace(content.RapporteursKk) ? null : content.RapporteursKk.Trim();
        DecisionKind = content.DecisionKind;
        DraftDecision = content.DraftDecision;
    }

    internal void MoveTo(int position) => Position = position;

    internal void MarkDeferred(Guid personId, DateTimeOffset at)
    {
        DeferredAt = at;
        DeferredByPersonId = personId;
    }

    /// <summary>True when every required co-chair has accepted this unscheduled item.</summary>
    public bool IsAcceptedBy(IReadOnlyCollection<CoChairSeat> coChairs, bool allCoChairs) =>
        !IsUnscheduled || (allCoChairs
            ? coChairs.Count > 0 && coChairs.All(c => _acceptances.Any(a => a.PersonId == c.PersonId))
            : _acceptances.Count > 0);

    internal UnscheduledAcceptance Accept(Guid id, CoChairSeat coChair, DateTimeOffset at)
    {
        if (!IsUnscheduled)
        {
            throw new RuleViolationException("KZRU-12", "Agenda.Rule.NotUnscheduled", "KZRU-12 (Regulation cl. 9): only an unscheduled item needs the co-chairs' acceptance.");
        }

        if (_acceptances.Any(a => a.PersonId == coChair.PersonId))
        {
            throw new RuleViolationException("KZRU-12", "Agenda.Rule.AlreadyAccepted", "KZRU-12 (Regulation cl. 9): you have already accepted this unscheduled item.");
        }

        var acceptance = new UnscheduledAcceptance(id, Id, coChair.PersonId, coChair.SideId, at);
        _acceptances.Add(acceptance);
        return acceptance;
    }
}

/// <summary>KZRU-12: one co-chair's recorded acceptance of an unscheduled (late) item.</summary>
public sealed class UnscheduledAcceptance
{
    private UnscheduledAcceptance() { }

    internal UnscheduledAcceptance(Guid id, Guid agendaItemId, Guid personId, Guid sideId, DateTimeOffset acceptedAt)
    {
        Id = id;
        AgendaItemId = agendaItemId;
        PersonId = personId;
        SideId = sideId;
        AcceptedAt = acceptedAt;
    }

    public Guid Id { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid SideId { get; private set; }
    public DateTimeOffset AcceptedAt { get; private set; }
}
