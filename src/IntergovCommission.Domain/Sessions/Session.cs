using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Sessions;

/// <summary>When, where and how a session is held (KZRU-09).</summary>
/// <param name="Place">The place as the documents print it in Russian (the working language, cl. 13).</param>
/// <param name="PlaceKk">The same place in Kazakh, for the Kazakh column of the documents; optional.</param>
public sealed record SessionSetting(SessionKind Kind, SessionFormat Format, string? Place, string? ConferenceLink, DateTimeOffset StartsAt, string TimeZoneId, string? PlaceKk = null);

/// <summary>
/// Session N of a commission, with its agenda, invited persons and the co-chairs' approvals.
/// Draft → AgendaUnderApproval → AgendaApproved (published) → InProgress → Closed, or Cancelled
/// with a reason. Every change of the agenda or the invited-persons list makes a new agenda
/// version; approvals count only for the version they were given on (KZRU-11).
/// </summary>
public sealed class Session
{
    private readonly List<AgendaItem> _items = [];
    private readonly List<InvitedPerson> _invitees = [];
    private readonly List<AgendaApproval> _approvals = [];

    private Session() { TimeZoneId = "UTC"; }

    public Session(Guid id, Guid commissionId, int number, SessionSetting setting, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        Id = id;
        CommissionId = commissionId;
        Number = number;
        TimeZoneId = "UTC";
        CreatedAt = now;
        AgendaVersion = 1;
        State = SessionState.Draft;
        ApplySetting(setting, now);
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    /// <summary>Sequential per commission (unique).</summary>
    public int Number { get; private set; }
    public SessionKind Kind { get; private set; }
    public SessionFormat Format { get; private set; }
    public string? Place { get; private set; }

    /// <summary>The place in Kazakh for the Kazakh column of the documents; null when not given.</summary>
    public string? PlaceKk { get; private set; }
    public string? ConferenceLink { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    /// <summary>The IANA zone the start was set in; the proposal deadline is counted on its wall clock.</summary>
    public string TimeZoneId { get; private set; }
    public SessionState State { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>The start as scheduled, when the session was opened before its day (a recorded rescheduling).</summary>
    public DateTimeOffset? RescheduledFrom { get; private set; }
    public string? RescheduleReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>KZRU-11: the version of the agenda and invited-persons list; every change makes a new one.</summary>
    public int AgendaVersion { get; private set; }
    /// <summary>The version last sent to the co-chairs for approval.</summary>
    public int? SentVersion { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyCollection<AgendaItem> Items => _items;
    public IReadOnlyCollection<InvitedPerson> Invitees => _invitees;
    public IReadOnlyCollection<AgendaApproval> Approvals => _approvals;

    public bool IsAgendaEditable => State is SessionState.Draft or SessionState.AgendaUnderApproval;

    /// <summary>KZRU-06: proposals are taken until the session is closed or cancelled (late ones are flagged, KZRU-12).</summary>
    public bool AcceptsProposals => State is not (SessionState.Closed or SessionState.Cancelled);

    public DateTimeOffset ProposalDeadline(int days, Regulation.DeadlineCounting counting = Regulation.DeadlineCounting.AtSessionHour) => Sessions.ProposalDeadline.For(StartsAt, TimeZoneId, days, counting);

    /// <summary>Date, format, place: while the session has not started.</summary>
    public void ChangeSetting(SessionSetting setting, DateTimeOffset now)
    {
        if (State is SessionState.InProgress or SessionState.Closed or SessionState.Cancelled)
        {
            throw new RuleViolationException("KZRU-09", "Sessions.Rule.SettingFrozen", "KZRU-09 (Regulation cl. 9): a session that has started, ended or been cancelled cannot be rescheduled.");
        }

        ApplySetting(setting, now);
    }

    private void ApplySetting(SessionSetting setting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting.StartsAt <= now)
        {
            throw new RuleViolationException("KZRU-09", "Sessions.Rule.StartInPast", "KZRU-09 (Regulation cl. 9): a session is planned for a future date and time.");
        }

        var place = string.IsNullOrWhiteSpace(setting.Place) ? null : setting.Place.Trim();
        var link = string.IsNullOrWhiteSpace(setting.ConferenceLink) ? null : setting.ConferenceLink.Trim();
        if (setting.Format is SessionFormat.InPerson or SessionFormat.Mixed && place is null)
        {
            throw new RuleViolationException("KZRU-09", "Sessions.Rule.PlaceRequired", "KZRU-09 (Regulation cl. 9): a session held in person needs a place.");
        }

        if (setting.Format is SessionFormat.Video or SessionFormat.Mixed && link is null)
        {
            throw new RuleViolationException("KZRU-09", "Sessions.Rule.LinkRequired", "KZRU-09 (Regulation cl. 9): a session held by video-conference needs the conference link (a confidential channel).");
        }

        _ = TimeZoneInfo.FindSystemTimeZoneById(setting.TimeZoneId);
        Kind = setting.Kind;
        Format = setting.Format;
        Place = setting.Format == SessionFormat.Video ? null : place;
        PlaceKk = setting.Format == SessionFormat.Video || string.IsNullOrWhiteSpace(setting.PlaceKk) ? null : setting.PlaceKk.Trim();
        ConferenceLink = setting.Format == SessionFormat.InPerson ? null : link;
        StartsAt = setting.StartsAt.ToUniversalTime();
        TimeZoneId = setting.TimeZoneId;
    }

    public AgendaItem AddItem(Guid id, AgendaItemContent content, Guid? proposalId = null, AgendaItemOrigin? origin = null)
    {
        RequireAgendaEditable();
        var item = new AgendaItem(id, Id, _items.Count + 1, content, isUnscheduled: false, proposalId, origin);
        _items.Add(item);
        NewVersion();
        return item;
    }

    public void EditItem(Guid itemId, AgendaItemContent content)
    {
        RequireAgendaEditable();
        ItemById(itemId).Apply(content);
        NewVersion();
    }

    public void RemoveItem(Guid itemId)
    {
        var item = ItemById(itemId);
        var unacceptedUnscheduled = item.IsUnscheduled && item.Acceptances.Count == 0 && State is not (SessionState.Closed or SessionState.Cancelled or SessionState.InProgress);
        if (!unacceptedUnscheduled)
        {
            RequireAgendaEditable();
        }

        _items.Remove(item);
        foreach (var invitee in _invitees)
        {
            invitee.ForgetItem(itemId);
        }

        Renumber();
        if (!item.IsUnscheduled)
        {
            NewVersion();
        }
    }

    /// <summary>Moves an item one place up (-1) or down (+1); at either end it stays.</summary>
    public void MoveItem(Guid itemId, int direction)
    {
        RequireAgendaEditable();
        var ordered = _items.OrderBy(i => i.Position).ToList();
        var index = ordered.FindIndex(i => i.Id == itemId);
        if (index < 0)
        {
            throw new RuleViolationException("KZRU-07", "Agenda.Rule.ItemMissing", "KZRU-07 (Regulation cl. 8): this item is no longer on the agenda; someone removed it. Reload.");
        }

        var target = index + Math.Sign(direction);
        if (target < 0 || target >= ordered.Count || target == index)
        {
            return;
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }

        NewVersion();
    }

    public InvitedPerson AddInvitee(Guid id, InviteeContent content)
    {
        RequireAgendaEditable();
        RequireKnownItems(content);
        var invitee = new InvitedPerson(id, Id, content);
        _invitees.Add(invitee);
        NewVersion();
        return invitee;
    }

    public void EditInvitee(Guid inviteeId, InviteeContent content)
    {
        RequireAgendaEditable();
        RequireKnownItems(content);
        InviteeById(inviteeId).Apply(content);
        NewVersion();
    }

    public void RemoveInvitee(Guid inviteeId)
    {
        RequireAgendaEditable();
        _invitees.Remove(InviteeById(inviteeId));
        NewVersion();
    }

    /// <summary>KZRU-11: the secretaries send the current version to the co-chairs.</summary>
    /// <param name="languages">KZRU-23/CIS-13: the profile's document languages; every item's texts must exist in each.</param>
    public void SendForApproval(Regulation.LanguageRule? languages = null)
    {
        if (State != SessionState.Draft)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.SendOnlyDraft", "KZRU-11 (Regulation cl. 9): only a draft agenda is sent for approval (it is now {0}).", State);
        }

        if (!_items.Any(i => !i.IsUnscheduled))
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.Empty", "KZRU-11 (Regulation cl. 9): the agenda has no items; add at least one before sending it for approval.");
        }

        if (languages is not null && MissingTexts(languages.DocumentLanguages) is { Count: > 0 } missing)
        {
            throw Regulation.DocumentTexts.Refusal(languages, "Rule.Agenda.MissingLanguage",
                "{0} (Regulation {1}): the agenda is sent for approval only with every text in each document language; missing: {2}.", missing);
        }

        State = SessionState.AgendaUnderApproval;
        SentVersion = AgendaVersion;
    }

    /// <summary>KZRU-23: the texts of the agenda's items (unscheduled ones too) missing in a document language, by item number.</summary>
    public IReadOnlyList<Regulation.MissingText> MissingTexts(IReadOnlyList<string> languages) =>
        [.. _items.Where(i => !i.IsDeferred).OrderBy(i => i.Position).SelectMany(i => Regulation.DocumentTexts.MissingInItem(i.Position, i.Title, i.DraftDecision, languages))];

    /// <summary>
    /// KZRU-11: a co-chair approves the version they saw. When every required co-chair has approved
    /// the same, current version the agenda is approved and published.
    /// </summary>
    public AgendaApproval Approve(Guid approvalId, CoChairSeat coChair, int seenVersion, IReadOnlyCollection<CoChairSeat> required, bool allCoChairs, DateTimeOffset now)
    {
        var approval = Answer(approvalId, coChair, seenVersion, required, ApprovalOutcome.Approved, null, now);
        if (Awaiting(required, allCoChairs).Count == 0)
        {
            State = SessionState.AgendaApproved;
            PublishedAt = now;
        }

        return approval;
    }

    /// <summary>KZRU-11: a co-chair returns the agenda with comments; it goes back to draft for the secretaries.</summary>
    public AgendaApproval Return(Guid approvalId, CoChairSeat coChair, int seenVersion, IReadOnlyCollection<CoChairSeat> required, string comment, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new RuleViolationException("WF-02", "Agenda.Rule.ReturnNeedsComment", "WF-02: returning the agenda needs a comment that says what to change.");
        }

        var approval = Answer(approvalId, coChair, seenVersion, required, ApprovalOutcome.Returned, comment, now);
        State = SessionState.Draft;
        return approval;
    }

    private AgendaApproval Answer(Guid approvalId, CoChairSeat coChair, int seenVersion, IReadOnlyCollection<CoChairSeat> required, ApprovalOutcome outcome, string? comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(coChair);
        ArgumentNullException.ThrowIfNull(required);
        if (State != SessionState.AgendaUnderApproval)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.NotUnderApproval", "KZRU-11 (Regulation cl. 9): the agenda is not awaiting approval (it is {0}).", State);
        }

        if (!required.Any(r => r.PersonId == coChair.PersonId))
        {
            throw new RuleViolationException("KZRU-04", "Agenda.Rule.NotCoChair", "KZRU-04 (Regulation cl. 5): only a co-chair of this commission approves the agenda.");
        }

        if (seenVersion != AgendaVersion)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.VersionChanged", "KZRU-11 (Regulation cl. 9): the agenda changed after you opened it (you saw version {0}, the current one is {1}). Review the current version.", seenVersion, AgendaVersion);
        }

        if (_approvals.Any(a => a.AgendaVersion == AgendaVersion && a.PersonId == coChair.PersonId))
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.AlreadyAnswered", "KZRU-11 (Regulation cl. 9): you have already answered on version {0} of this agenda.", AgendaVersion);
        }

        var approval = new AgendaApproval(approvalId, Id, AgendaVersion, coChair, outcome, comment, now);
        _approvals.Add(approval);
        return approval;
    }

    /// <summary>The co-chairs whose approval of the current version is still missing.</summary>
    public IReadOnlyList<CoChairSeat> Awaiting(IReadOnlyCollection<CoChairSeat> required, bool allCoChairs)
    {
        ArgumentNullException.ThrowIfNull(required);
        var approvedBy = _approvals.Where(a => a.AgendaVersion == AgendaVersion && a.Outcome == ApprovalOutcome.Approved).Select(a => a.PersonId).ToHashSet();
        if (required.Count == 0)
        {
            return [];
        }

        if (!allCoChairs)
        {
            return approvedBy.Overlaps(required.Select(r => r.PersonId)) ? [] : [.. required];
        }

        return [.. required.Where(r => !approvedBy.Contains(r.PersonId))];
    }

    /// <summary>The approvals that count: those given on the current version.</summary>
    public IEnumerable<AgendaApproval> CurrentApprovals => _approvals.Where(a => a.AgendaVersion == AgendaVersion);

    /// <summary>The latest return, if the agenda is back in draft because of it.</summary>
    public AgendaApproval? LatestReturn =>
        State == SessionState.Draft ? _approvals.Where(a => a.Outcome == ApprovalOutcome.Returned).MaxBy(a => a.DecidedAt) : null;

    /// <summary>KZRU-12: a late proposal enters only as an unscheduled item, which every co-chair must accept.</summary>
    public AgendaItem AddUnscheduledItem(Guid id, AgendaItemContent content, Guid? proposalId)
    {
        if (State is SessionState.Closed or SessionState.Cancelled)
        {
            throw new RuleViolationException("KZRU-12", "Agenda.Rule.SessionOver", "KZRU-12 (Regulation cl. 9): the session is closed or cancelled; nothing can be added to its agenda.");
        }

        var item = new AgendaItem(id, Id, _items.Count + 1, content, isUnscheduled: true, proposalId);
        _items.Add(item);
        return item;
    }

    public UnscheduledAcceptance AcceptUnscheduled(Guid acceptanceId, Guid itemId, CoChairSeat coChair, IReadOnlyCollection<CoChairSeat> required, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (State is SessionState.Closed or SessionState.Cancelled)
        {
            throw new RuleViolationException("KZRU-12", "Agenda.Rule.SessionOver", "KZRU-12 (Regulation cl. 9): the session is closed or cancelled; nothing can be added to its agenda.");
        }

        if (!required.Any(r => r.PersonId == coChair.PersonId))
        {
            throw new RuleViolationException("KZRU-04", "Agenda.Rule.NotCoChair", "KZRU-04 (Regulation cl. 5): only a co-chair of this commission approves the agenda.");
        }

        return ItemById(itemId).Accept(acceptanceId, coChair, now);
    }

    /// <summary>
    /// KZRU-11: an item not reached (never put to the vote, not referred to an expert group) is
    /// deferred, during the session or after it, to the next session's draft agenda.
    /// </summary>
    public void DeferItem(Guid itemId, ItemStanding standing, Guid personId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(standing);
        if (State is not (SessionState.InProgress or SessionState.Closed))
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.Defer.NotHeld", "KZRU-11 (Regulation cl. 9): only an item of a session in progress or ended is deferred (this one is {0}); before the session, change the draft agenda instead.", State);
        }

        var item = ItemById(itemId);
        if (item.IsDeferred || standing.Deferred)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.Defer.Already", "KZRU-11 (Regulation cl. 9): item {0} is already deferred to the next session.", item.Position);
        }

        if (standing.Voted || standing.VoteOpen)
        {
            throw new RuleViolationException("KZRU-17", "Agenda.Rule.Defer.Voted", "KZRU-17 (Regulation cl. 10): item {0} was put to the vote; its result stands and the item cannot be deferred.", item.Position);
        }

        if (standing.Referred)
        {
            throw new RuleViolationException("KZRU-20", "Agenda.Rule.Defer.Referred", "KZRU-20 (Regulation cl. 10): item {0} is referred to an expert group; it comes back with the group's proposal, not by deferral.", item.Position);
        }

        item.MarkDeferred(personId, now);
    }

    /// <summary>
    /// Opens the session (KZRU-09/11): with the agenda approved, on its scheduled day in its own time zone. Opening it
    /// before that day is a rescheduling: it needs a reason, and the start as scheduled is kept beside the new one.
    /// </summary>
    public void Start(DateTimeOffset now, string? rescheduleReason = null, Guid? profileId = null)
    {
        if (State != SessionState.AgendaApproved)
        {
            throw new RuleViolationException("KZRU-11", "Sessions.Rule.StartNeedsApprovedAgenda", "KZRU-11 (Regulation cl. 9): a session opens only with an agenda approved by the co-chairs (it is {0}).", State);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(StartsAt, zone).DateTime);
        if (today < day)
        {
            if (string.IsNullOrWhiteSpace(rescheduleReason))
            {
                throw new RuleViolationException("KZRU-09", "Sessions.Rule.StartBeforeDay",
                    "KZRU-09 (Regulation cl. 9): the session is scheduled for {0}; to open it earlier, give the reason for rescheduling.", day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
            }

            RescheduledFrom = StartsAt;
            RescheduleReason = rescheduleReason.Trim();
            StartsAt = now;
        }

        State = SessionState.InProgress;
        ProfileId = profileId;
    }

    /// <summary>The regulation profile version the session started under: its rules hold for the whole session even if the commission moves to a newer version.</summary>
    public Guid? ProfileId { get; private set; }

    public void Close()
    {
        if (State != SessionState.InProgress)
        {
            throw new RuleViolationException("KZRU-09", "Sessions.Rule.CloseNeedsInProgress", "KZRU-09 (Regulation cl. 9): only a session in progress can be closed (it is {0}).", State);
        }

        State = SessionState.Closed;
    }

    public void Cancel(string reason)
    {
        if (State is SessionState.InProgress or SessionState.Closed or SessionState.Cancelled)
        {
            throw new RuleViolationException("KZRU-09", "Sessions.Rule.CannotCancel", "KZRU-09 (Regulation cl. 9): a session that has started, ended or been cancelled cannot be cancelled (it is {0}).", State);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("WF-02", "Sessions.Rule.CancelNeedsReason", "WF-02: cancelling a session needs a reason.");
        }

        State = SessionState.Cancelled;
        CancelReason = reason.Trim();
    }

    private void RequireAgendaEditable()
    {
        if (!IsAgendaEditable)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.Frozen", "KZRU-11 (Regulation cl. 9): the agenda approved by the co-chairs is fixed (the session is {0}); a late question enters only as an unscheduled item (KZRU-12).", State);
        }
    }

    private void RequireKnownItems(InviteeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.ItemIds.Any(id => _items.All(i => i.Id != id)))
        {
            throw new RuleViolationException("KZRU-14", "Agenda.Rule.Invitee.UnknownItem", "KZRU-14 (Regulation cl. 9): an invited person speaks only to items on this session's agenda.");
        }
    }

    /// <summary>A change after sending makes a new version: the approvals given so far no longer count (KZRU-11).</summary>
    private void NewVersion()
    {
        AgendaVersion++;
        if (State == SessionState.AgendaUnderApproval)
        {
            SentVersion = AgendaVersion;
        }
    }

    private void Renumber()
    {
        var position = 1;
        foreach (var item in _items.OrderBy(i => i.Position))
        {
            item.MoveTo(position++);
        }
    }

    private AgendaItem ItemById(Guid itemId) =>
        _items.SingleOrDefault(i => i.Id == itemId)
        ?? throw new RuleViolationException("KZRU-07", "Agenda.Rule.ItemMissing", "KZRU-07 (Regulation cl. 8): this item is no longer on the agenda; someone removed it. Reload.");

    private InvitedPerson InviteeById(Guid inviteeId) =>
        _invitees.SingleOrDefault(i => i.Id == inviteeId)
        ?? throw new RuleViolationException("KZRU-07", "Agenda.Rule.Invitee.Missing", "KZRU-07 (Regulation cl. 8): this invited person is no longer on the list; someone removed them. Reload.");
}
