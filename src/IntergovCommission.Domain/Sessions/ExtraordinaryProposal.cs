using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Sessions;

public enum SupportAnswer
{
    Supports = 0,
    Opposes = 1,
}

/// <summary>
/// CIS-04 (Regulation s. 5.2): any state may propose an extraordinary session; it is held if a majority of
/// the members (states) supports it. Each state's answer is recorded once (it may change it while the
/// proposal is open); the proposal is supported once more than half of the states support it.
/// </summary>
public sealed class ExtraordinaryProposal
{
    private readonly List<ExtraordinaryAnswer> _answers = [];

    private ExtraordinaryProposal() { Subject = string.Empty; }

    public ExtraordinaryProposal(Guid id, Guid commissionId, Guid proposingSideId, Guid proposedByPersonId, string subject, DateTimeOffset at)
    {
        Id = id;
        CommissionId = commissionId;
        ProposingSideId = proposingSideId;
        ProposedByPersonId = proposedByPersonId;
        Subject = subject.Trim();
        ProposedAt = at;
        // The proposing state supports its own proposal.
        _answers.Add(new ExtraordinaryAnswer(Guid.CreateVersion7(), id, proposingSideId, proposedByPersonId, SupportAnswer.Supports, at));
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    public Guid ProposingSideId { get; private set; }
    public Guid ProposedByPersonId { get; private set; }
    public string Subject { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public DateTimeOffset? SupportedAt { get; private set; }
    public IReadOnlyCollection<ExtraordinaryAnswer> Answers => _answers;
    public uint Version { get; private set; }

    public int Supporting => _answers.Count(a => a.Answer == SupportAnswer.Supports);

    /// <summary>More than half of the states support it.</summary>
    public static bool IsMajority(int supporting, int states) => states > 0 && supporting * 2 > states;

    /// <summary>A state's answer (once per state; changed while the majority is not yet reached).</summary>
    public void Answer(SessionFrequencyRule rule, Guid sideId, Guid personId, SupportAnswer answer, int states, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (SupportedAt is not null)
        {
            throw new RuleViolationException(rule.ExtraordinaryRule.Id, "Rule.Extraordinary.Decided",
                "{0} (Regulation {1}): a majority of the members already supports this proposal; answers are closed.", rule.ExtraordinaryRule.Id, rule.ExtraordinaryRule.Clause);
        }

        var existing = _answers.FirstOrDefault(a => a.SideId == sideId);
        if (existing is not null)
        {
            existing.Change(answer, personId, at);
        }
        else
        {
            _answers.Add(new ExtraordinaryAnswer(Guid.CreateVersion7(), Id, sideId, personId, answer, at));
        }

        if (IsMajority(Supporting, states))
        {
            SupportedAt = at;
        }
    }
}

/// <summary>One state's answer to a proposal of an extraordinary session (one per state, a constraint).</summary>
public sealed class ExtraordinaryAnswer
{
    private ExtraordinaryAnswer() { }

    internal ExtraordinaryAnswer(Guid id, Guid proposalId, Guid sideId, Guid personId, SupportAnswer answer, DateTimeOffset at)
    {
        Id = id;
        ProposalId = proposalId;
        SideId = sideId;
        PersonId = personId;
        Answer = answer;
        AnsweredAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public Guid SideId { get; private set; }
    public Guid PersonId { get; private set; }
    public SupportAnswer Answer { get; private set; }
    public DateTimeOffset AnsweredAt { get; private set; }

    internal void Change(SupportAnswer answer, Guid personId, DateTimeOffset at)
    {
        Answer = answer;
        PersonId = personId;
        AnsweredAt = at;
    }
}
