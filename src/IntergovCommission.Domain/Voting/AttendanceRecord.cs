using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;

namespace IntergovCommission.Domain.Voting;

/// <summary>
/// One person's attendance at one session (KZRU-14/15): in the room, by video, absent, or
/// represented (by whom). A co-chair may require attendance in person (KZRU-05).
/// One record per session and membership (a database constraint).
/// </summary>
public sealed class AttendanceRecord
{
    private AttendanceRecord() { }

    public AttendanceRecord(Guid id, Guid sessionId, Guid membershipId, DateTimeOffset at)
    {
        Id = id;
        SessionId = sessionId;
        MembershipId = membershipId;
        Mode = AttendanceMode.Absent;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid MembershipId { get; private set; }
    public AttendanceMode Mode { get; private set; }
    /// <summary>KZRU-15: who represents an absent member (attends, never votes, never signs).</summary>
    public string? RepresentativeName { get; private set; }
    public bool MustAttendInPerson { get; private set; }
    public Guid? RecordedByPersonId { get; private set; }
    public bool SelfCheckIn { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    /// <summary>CIS-01: when and by whom the secretariat confirmed a substitute's credentials for this session.</summary>
    public DateTimeOffset? CredentialsConfirmedAt { get; private set; }
    public Guid? CredentialsConfirmedByPersonId { get; private set; }
    public string? CredentialsDocument { get; private set; }

    /// <summary>CIS-01: the secretariat confirms the substitute's credentials (the document that gives them).</summary>
    public void ConfirmCredentials(string document, Guid byPersonId, DateTimeOffset at)
    {
        CredentialsDocument = document.Trim();
        CredentialsConfirmedAt = at;
        CredentialsConfirmedByPersonId = byPersonId;
        UpdatedAt = at;
    }

    public void Register(AttendanceMode mode, string? representativeName, Guid recordedByPersonId, bool self, DateTimeOffset at)
    {
        if (mode == AttendanceMode.Represented && string.IsNullOrWhiteSpace(representativeName))
        {
            throw new Common.RuleViolationException("KZRU-15", "Rule.Attendance.RepresentativeName",
                "KZRU-15 (Regulation cl. 9): name the representative who attends for the absent member.");
        }

        if (mode == AttendanceMode.Video && MustAttendInPerson)
        {
            throw new Common.RuleViolationException("KZRU-05", "Rule.Attendance.InPersonRequired",
                "KZRU-05 (Regulation cl. 6): the co-chairs decided that this member must attend in person.");
        }

        Mode = mode;
        RepresentativeName = mode == AttendanceMode.Represented ? representativeName!.Trim() : null;
        RecordedByPersonId = recordedByPersonId;
        SelfCheckIn = self;
        UpdatedAt = at;
    }

    public void RequireInPerson(bool required, DateTimeOffset at)
    {
        MustAttendInPerson = required;
        UpdatedAt = at;
    }
}

/// <summary>KZRU-19: a written dissenting opinion of a member who did not vote with the majority; attached to the decision.</summary>
public sealed class DissentingOpinion
{
    private DissentingOpinion() { Language = "ru"; Text = string.Empty; }

    public DissentingOpinion(Guid id, Guid ballotId, Guid membershipId, Guid personId, string language, string text, Guid? fileId, DateTimeOffset submittedAt)
    {
        Id = id;
        BallotId = ballotId;
        MembershipId = membershipId;
        PersonId = personId;
        Language = language;
        Text = text.Trim();
        FileId = fileId;
        SubmittedAt = submittedAt;
    }

    public Guid Id { get; private set; }
    public Guid BallotId { get; private set; }
    public Guid MembershipId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Language { get; private set; }
    public string Text { get; private set; }
    public Guid? FileId { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>
    /// KZRU-19: only a member who voted and did not vote with the majority (Against or Abstain
    /// when adopted; For or Abstain when not adopted), before the profile's deadline.
    /// </summary>
    public static void RequireMayDissent(Ballot ballot, Guid membershipId, DateTimeOffset now, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        if (ballot.State != BallotState.Closed || ballot.Adopted is null)
        {
            throw new Common.RuleViolationException("KZRU-19", "Rule.Dissent.BallotOpen", "KZRU-19 (Regulation cl. 10): a dissenting opinion follows a closed vote.");
        }

        var vote = ballot.Votes.FirstOrDefault(v => v.MembershipId == membershipId);
        var withMajority = vote is not null && (ballot.Adopted.Value ? vote.Choice == VoteChoice.For : vote.Choice == VoteChoice.Against);
        if (vote is null || withMajority)
        {
            throw new Common.RuleViolationException("KZRU-19", "Rule.Dissent.NotMinority", "KZRU-19 (Regulation cl. 10): a dissenting opinion is written by a member who voted and disagreed with the majority.");
        }

        if (now > deadline)
        {
            throw new Common.RuleViolationException("KZRU-19", "Rule.Dissent.Late", "KZRU-19 (Regulation cl. 10): the time for a dissenting opinion on this vote has passed.");
        }
    }
}

public enum ReferralState
{
    /// <summary>The group is at work.</summary>
    Open = 0,
    /// <summary>The group's proposal is recorded and on a later session's draft agenda.</summary>
    Proposed = 1,
}

/// <summary>
/// KZRU-20: the co-chairs refer a disputed item to an expert group: members, task, deadline. The
/// group's proposal comes back on a later session's draft agenda as an item linked to the referral.
/// One referral per item (a database constraint too).
/// </summary>
public sealed class ExpertGroupReferral
{
    private ExpertGroupReferral() { Task = string.Empty; MemberIds = []; Proposal = LocalizedText.Empty; }

    public ExpertGroupReferral(Guid id, Guid sessionId, Guid agendaItemId, string task, DateOnly deadline, Guid[] memberIds, Guid createdByPersonId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        ArgumentNullException.ThrowIfNull(task);
        if (memberIds.Length == 0)
        {
            throw new Common.RuleViolationException("KZRU-20", "Rule.Expert.NoMembers", "KZRU-20 (Regulation cl. 10): an expert group has at least one member.");
        }

        Id = id;
        SessionId = sessionId;
        AgendaItemId = agendaItemId;
        Task = task.Trim();
        Deadline = deadline;
        MemberIds = memberIds.Distinct().ToArray();
        CreatedByPersonId = createdByPersonId;
        CreatedAt = at;
        State = ReferralState.Open;
        Proposal = LocalizedText.Empty;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public string Task { get; private set; }
    public DateOnly Deadline { get; private set; }
    /// <summary>Memberships of the commission (the roster) that make up the group.</summary>
    public Guid[] MemberIds { get; private set; }
    public Guid CreatedByPersonId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public ReferralState State { get; private set; }
    /// <summary>The group's agreed proposal (Kazakh and Russian), once recorded.</summary>
    public LocalizedText Proposal { get; private set; }
    public Guid? ProposedByPersonId { get; private set; }
    public DateTimeOffset? ProposedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>
    /// KZRU-20 with KZRU-17: an item is referred while it has no adopted decision, no open vote,
    /// no earlier referral, and was not deferred.
    /// </summary>
    public static void RequireMayRefer(int position, ItemStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        if (standing.Adopted)
        {
            throw new Common.RuleViolationException("KZRU-20", "Rule.Expert.Adopted", "KZRU-20 (Regulation cl. 10): item {0} already has an adopted decision; there is no disagreement left to refer.", position);
        }

        if (standing.VoteOpen)
        {
            throw new Common.RuleViolationException("KZRU-20", "Rule.Expert.VoteOpen", "KZRU-20 (Regulation cl. 10): the vote on item {0} is open; close it before referring the item to an expert group.", position);
        }

        if (standing.Referred)
        {
            throw new Common.RuleViolationException("KZRU-20", "Rule.Expert.Already", "KZRU-20 (Regulation cl. 10): item {0} is already referred to an expert group.", position);
        }

        if (standing.Deferred)
        {
            throw new Common.RuleViolationException("KZRU-20", "Rule.Expert.Deferred", "KZRU-20 (Regulation cl. 10): item {0} is deferred to the next session; it is discussed there.", position);
        }
    }

    /// <summary>
    /// KZRU-20: the secretariat (or a co-chair) records the group's proposal and puts the question
    /// on a later session's draft agenda (KZRU-11), linked to this referral. The group's draft
    /// decision, if it gave one, is the item's draft decision; otherwise its proposal is.
    /// </summary>
    public AgendaItem ReturnTo(Session from, AgendaItem source, Session to, Guid newItemId, LocalizedText proposal, LocalizedText draftDecision, Guid personId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(draftDecision);
        if (source.Id != AgendaItemId || from?.Id != SessionId)
        {
            throw new ArgumentException("The item is not the referred one.", nameof(source));
        }

        if (State != ReferralState.Open)
        {
            throw new Common.RuleViolationException("KZRU-20", "Rule.Expert.AlreadyReturned", "KZRU-20 (Regulation cl. 10): the expert group's proposal on this item is already recorded and on an agenda.");
        }

        if (proposal.IsEmpty)
        {
            throw new Common.RuleViolationException("KZRU-20", "Rule.Expert.ProposalRequired", "KZRU-20 (Regulation cl. 10): record the expert group's proposal in Kazakh or Russian.");
        }

        CarryOver.RequireReceiving(from, to);
        var draft = draftDecision.IsEmpty ? proposal : draftDecision;
        var content = new AgendaItemContent(source.Title, source.Rapporteurs, source.DecisionKind, draft, source.RapporteursKk);
        var item = to.AddItem(newItemId, content, proposalId: null, new AgendaItemOrigin(source.Id, AgendaCarry.ReturnedFromExpertGroup, Id));
        Proposal = proposal;
        ProposedByPersonId = personId;
        ProposedAt = now;
        State = ReferralState.Proposed;
        return item;
    }

    /// <summary>
    /// The secretaries took the returned item off a draft agenda: the group's proposal (kept) waits
    /// to be put on another session's agenda.
    /// </summary>
    public void WithdrawFromAgenda()
    {
        if (State != ReferralState.Proposed)
        {
            throw new Common.RuleViolationException("KZRU-20", "Rule.Expert.NotOnAgenda", "KZRU-20 (Regulation cl. 10): the expert group's proposal is not on an agenda.");
        }

        State = ReferralState.Open;
    }
}
