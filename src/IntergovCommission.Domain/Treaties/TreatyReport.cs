namespace IntergovCommission.Domain.Treaties;

/// <summary>Field (12) of the annual report: the proposal on further implementation (seed 004 annex 1).</summary>
public enum TreatyProposal
{
    /// <summary>1) continue implementation.</summary>
    Continue = 1,
    /// <summary>2) suspend.</summary>
    Suspend = 2,
    /// <summary>3) terminate.</summary>
    Terminate = 3,
    /// <summary>4) extend.</summary>
    Extend = 4,
    /// <summary>5) other (stated in the text).</summary>
    Other = 5,
}

/// <summary>
/// What the secretariat writes into the annual report on one treaty for one year (WF-07): the measures taken and the other party's
/// performance added to field (9) (whose figures the system fills from the year's record, never stored), the problems and proposals
/// to solve them (10) and the proposal on further implementation (12). Field (11) is the Ministry of Foreign Affairs' own: never here.
/// </summary>
public sealed class TreatyReport
{
    private TreatyReport() { }

    public TreatyReport(Guid id, Guid treatyId, int year, DateTimeOffset createdAt)
    {
        Id = id;
        TreatyId = treatyId;
        Year = year;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid TreatyId { get; private set; }
    public int Year { get; private set; }
    /// <summary>(9) in words: the measures taken and the other party's performance (the figures are added by the system).</summary>
    public string? Measures { get; private set; }
    /// <summary>(10) problems and proposals to solve them.</summary>
    public string? Problems { get; private set; }
    /// <summary>(12) the proposal on further implementation.</summary>
    public TreatyProposal? Proposal { get; private set; }
    /// <summary>(12) in words (required for "other").</summary>
    public string? ProposalText { get; private set; }
    public Guid? UpdatedByPersonId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Write(string? measures, string? problems, TreatyProposal? proposal, string? proposalText, Guid personId, DateTimeOffset at)
    {
        Measures = measures;
        Problems = problems;
        Proposal = proposal;
        ProposalText = proposalText;
        UpdatedByPersonId = personId;
        UpdatedAt = at;
    }
}
