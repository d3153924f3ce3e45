using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Voting;

public enum VoteChoice
{
    For = 0,
    Against = 1,
    Abstain = 2,
}

public enum BallotState
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// One round of the open personal vote on an agenda item's draft decision (KZRU-17). The text
/// voted on is frozen by its version and hash. Members cast and may change their vote until the
/// presiding co-chair closes it; closing computes the result by the profile and freezes the
/// ballot and its roll call. A re-vote is a new round (a new ballot).
/// </summary>
public sealed class Ballot
{
    private readonly List<Vote> _votes = [];

    private Ballot() { TextHash = string.Empty; TextKk = string.Empty; TextRu = string.Empty; }

    public Ballot(Guid id, Guid sessionId, Guid agendaItemId, int round, int textVersion, string textKk, string textRu, Guid openedByMembershipId, DateTimeOffset openedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        Id = id;
        SessionId = sessionId;
        AgendaItemId = agendaItemId;
        Round = round;
        TextVersion = textVersion;
        TextKk = textKk ?? string.Empty;
        TextRu = textRu ?? string.Empty;
        TextHash = HashText(TextKk, TextRu);
        OpenedByMembershipId = openedByMembershipId;
        OpenedAt = openedAt;
        State = BallotState.Open;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public int Round { get; private set; }
    public int TextVersion { get; private set; }
    /// <summary>The draft decision voted on, frozen when the vote opened (Kazakh and Russian).</summary>
    public string TextKk { get; private set; }
    public string TextRu { get; private set; }
    /// <summary>SHA-256 of the frozen texts: what the roll call and the decision refer to.</summary>
    public string TextHash { get; private set; }
    public BallotState State { get; private set; }
    public Guid OpenedByMembershipId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public Guid? ClosedByMembershipId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int? VotersPresentAtClose { get; private set; }
    public int? ForCount { get; private set; }
    public int? AgainstCount { get; private set; }
    public int? AbstainCount { get; private set; }
    public bool? Adopted { get; private set; }

    /// <summary>
    /// The closing time the presiding person announced when opening the vote, if any. Informational: the vote
    /// does not close by itself at that time; the presiding person closes it (KZRU-17).
    /// </summary>
    public DateTimeOffset? ClosingAnnouncedFor { get; private set; }
    public IReadOnlyCollection<Vote> Votes => _votes;

    public static string HashText(string textKk, string textRu) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            "kk:" + textKk.Length + ":" + textKk + "\nru:" + textRu.Length + ":" + textRu))).ToLowerInvariant();
    public uint Version { get; private set; }

    /// <summary>Casts or changes a member's vote while the ballot is open. Returns the vote as it now stands.</summary>
    public Vote Cast(Guid voteId, Guid membershipId, VoteChoice choice, DateTimeOffset at, Guid? recordedByMembershipId)
    {
        if (State == BallotState.Closed)
        {
            throw new RuleViolationException("KZRU-17", "Rule.Voting.Closed",
                "KZRU-17 (Regulation cl. 10): the vote is closed; its result and roll call can no longer change.");
        }

        if (!Enum.IsDefined(choice))
        {
            throw new ArgumentOutOfRangeException(nameof(choice));
        }

        var existing = _votes.FirstOrDefault(v => v.MembershipId == membershipId);
        if (existing is not null)
        {
            if (recordedByMembershipId is not null && existing.RecordedByMembershipId is null)
            {
                // KZRU-17: the vote is personal; what the member cast themselves, only the member changes.
                throw new RuleViolationException("KZRU-17", "Rule.Voting.CastPersonally",
                    "KZRU-17 (Regulation cl. 10): the member cast this vote personally; only the member may change it.");
            }

            existing.Change(choice, at, recordedByMembershipId);
            return existing;
        }

        var vote = new Vote(voteId, Id, membershipId, choice, at, recordedByMembershipId);
        _votes.Add(vote);
        return vote;
    }

    /// <summary>Announces when the presiding person means to close the vote; it must lie after the opening.</summary>
    public void AnnounceClosing(DateTimeOffset at)
    {
        if (State == BallotState.Closed)
        {
            throw new RuleViolationException("KZRU-17", "Rule.Voting.AlreadyClosed",
                "KZRU-17 (Regulation cl. 10): this vote is already closed.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(at, OpenedAt);
        ClosingAnnouncedFor = at;
    }

    public VoteCount Tally() => Count(_votes);

    private static VoteCount Count(IEnumerable<Vote> votes)
    {
        var list = votes.ToList();
        return new(list.Count(v => v.Choice == VoteChoice.For), list.Count(v => v.Choice == VoteChoice.Against), list.Count(v => v.Choice == VoteChoice.Abstain));
    }

    /// <summary>
    /// CIS-01: with one vote per state, the votes that count: one per state (the latest cast by anyone of
    /// its delegation). <paramref name="stateOf"/> gives a voter's state.
    /// </summary>
    public IReadOnlyList<Vote> CountedVotes(VotingRule rule, Func<Guid, Guid?>? stateOf)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Unit != VoteUnit.State || stateOf is null)
        {
            return _votes.ToList();
        }

        return _votes.GroupBy(v => stateOf(v.MembershipId) ?? v.MembershipId)
            .Select(g => g.OrderByDescending(v => v.CastAt).First())
            .ToList();
    }

    /// <summary>KZRU-17: closes the round and computes the result by the profile; nothing changes it afterwards.</summary>
    public MajorityResult Close(Guid closedByMembershipId, DateTimeOffset at, int votersPresent, VotingRule rule, Func<Guid, Guid?>? stateOf = null, Guid? presidingMembershipId = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (State == BallotState.Closed)
        {
            throw new RuleViolationException("KZRU-17", "Rule.Voting.AlreadyClosed",
                "KZRU-17 (Regulation cl. 10): this vote is already closed.");
        }

        var counted = CountedVotes(rule, stateOf);
        var tally = Count(counted);
        var presiding = presidingMembershipId is Guid p ? counted.FirstOrDefault(v => v.MembershipId == p) : null;
        var result = MajorityCalculator.Evaluate(rule, tally, votersPresent, presiding is null ? null : presiding.Choice == VoteChoice.For);
        State = BallotState.Closed;
        ClosedByMembershipId = closedByMembershipId;
        ClosedAt = at;
        VotersPresentAtClose = votersPresent;
        ForCount = tally.For;
        AgainstCount = tally.Against;
        AbstainCount = tally.Abstain;
        Adopted = result.Adopted;
        return result;
    }
}

/// <summary>A member's vote in one ballot round: one per member per round (a database constraint too).</summary>
public sealed class Vote
{
    private Vote() { }

    internal Vote(Guid id, Guid ballotId, Guid membershipId, VoteChoice choice, DateTimeOffset castAt, Guid? recordedByMembershipId)
    {
        Id = id;
        BallotId = ballotId;
        MembershipId = membershipId;
        Choice = choice;
        CastAt = castAt;
        RecordedByMembershipId = recordedByMembershipId;
    }

    public Guid Id { get; private set; }
    public Guid BallotId { get; private set; }
    public Guid MembershipId { get; private set; }
    public VoteChoice Choice { get; private set; }
    public DateTimeOffset CastAt { get; private set; }
    /// <summary>Set when the secretary recorded it (show of hands, called by name on video); shown in the roll call.</summary>
    public Guid? RecordedByMembershipId { get; private set; }
    public int Changes { get; private set; }

    internal void Change(VoteChoice choice, DateTimeOffset at, Guid? recordedByMembershipId)
    {
        if (choice == Choice)
        {
            return;
        }

        Choice = choice;
        CastAt = at;
        RecordedByMembershipId = recordedByMembershipId;
        Changes++;
    }
}
