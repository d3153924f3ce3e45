using IntergovCommission.Domain.Regulation;

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
    Open = 0,
    Proposed = 1,
}

/// <summary>KZRU-20: the co-chairs refer a disputed item to an expert group: members, task, deadline.</summary>
public sealed class ExpertGroupReferral
{
    private ExpertGroupReferral() { Task = string.Empty; MemberIds = []; }

    public ExpertGroupReferral(Guid id, Guid sessionId, Guid agendaItemId, string task, DateOnly deadline, Guid[] memberIds, Guid createdByPersonId, DateTimeOffset at)
    {
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
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public string Task { get; private set; }
    public DateOnly Deadline { get; private set; }
    public Guid[] MemberIds { get; private set; }
    public Guid CreatedByPersonId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public ReferralState State { get; private set; }
    public string? ProposalText { get; private set; }

    public void Propose(string agreedText)
    {
        ProposalText = agreedText.Trim();
        State = ReferralState.Proposed;
    }
}
