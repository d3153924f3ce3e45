using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Decisions;

public enum DecisionState
{
    Adopted = 0,
    Signing = 1,
    Approved = 2,
    Issued = 3,
    Superseded = 4,
}

/// <summary>
/// A decision from an adopted ballot, on its signing route. Signing starts by fixing the content
/// hash and the required signatures; a signature binds the signer to that hash. Approval by the
/// co-chairs comes only after every required signature. A correction is a new version (a new
/// Decision that supersedes this one) and restarts the route; the old one is kept.
/// </summary>
public sealed class Decision
{
    private readonly List<DecisionSignature> _signatures = [];

    private Decision() { Number = string.Empty; TitleKk = TitleRu = TextKk = TextRu = string.Empty; PresentAtVote = []; }

    public Decision(Guid id, Guid commissionId, Guid sessionId, Guid agendaItemId, Guid ballotId, string number, DecisionKind kind, int versionNumber, Guid? previousVersionId)
        : this(id, commissionId, sessionId, agendaItemId, ballotId, number, kind, versionNumber, previousVersionId, new DecisionWording(string.Empty, string.Empty, string.Empty, string.Empty), [])
    {
    }

    /// <param name="wording">The titles and the text as voted (KZRU-17, KZRU-23), or as corrected in a later version.</param>
    /// <param name="presentAtVote">The memberships registered present (in the room or by video) when the vote closed: the full route's signers come from it (KZRU-18).</param>
    public Decision(Guid id, Guid commissionId, Guid sessionId, Guid agendaItemId, Guid ballotId, string number, DecisionKind kind, int versionNumber, Guid? previousVersionId,
        DecisionWording wording, IReadOnlyCollection<Guid> presentAtVote)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(presentAtVote);
        TitleKk = wording.TitleKk;
        TitleRu = wording.TitleRu;
        TextKk = wording.TextKk;
        TextRu = wording.TextRu;
        PresentAtVote = [.. presentAtVote.Distinct()];
        Id = id;
        CommissionId = commissionId;
        SessionId = sessionId;
        AgendaItemId = agendaItemId;
        BallotId = ballotId;
        Number = number;
        Kind = kind;
        VersionNumber = versionNumber;
        PreviousVersionId = previousVersionId;
        State = DecisionState.Adopted;
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public Guid BallotId { get; private set; }
    public string Number { get; private set; }
    public DecisionKind Kind { get; private set; }
    public int VersionNumber { get; private set; }
    public Guid? PreviousVersionId { get; private set; }
    public string TitleKk { get; private set; }
    public string TitleRu { get; private set; }
    public string TextKk { get; private set; }
    public string TextRu { get; private set; }
    public Guid[] PresentAtVote { get; private set; }
    public DecisionState State { get; private set; }
    public string? ContentHash { get; private set; }
    public SigningRoute? Route { get; private set; }
    public string? RouteRuleId { get; private set; }
    public int Copies { get; private set; }
    public DateTimeOffset? SigningStartedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public IReadOnlyCollection<DecisionSignature> Signatures => _signatures;
    public uint Version { get; private set; }

    public void StartSigning(string contentHash, SigningPlan plan, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        ArgumentNullException.ThrowIfNull(plan);
        if (State != DecisionState.Adopted)
        {
            throw new RuleViolationException(plan.Rule.Id, "Rule.Decision.SigningStarted", "{0}: signing has already started; a correction is a new version.", plan.Rule.Id);
        }

        ContentHash = contentHash;
        Route = plan.Route;
        RouteRuleId = plan.Rule.Id;
        Copies = plan.Copies;
        SigningStartedAt = at;
        foreach (var required in plan.Required)
        {
            _signatures.Add(new DecisionSignature(Guid.CreateVersion7(), Id, required.MembershipId, required.PersonId, required.SideId, required.Role, required.Kind));
        }

        State = DecisionState.Signing;
    }

    /// <summary>
    /// Checks that the member may sign (or approve) this hash now, without recording anything:
    /// callers check this before asking the signer to re-confirm who they are. Returns false when
    /// the signature was already given (signing twice does nothing the second time).
    /// </summary>
    public bool RequireMaySign(Guid membershipId, SignatureKind kind, string signedHash)
    {
        var rule = RouteRuleId ?? "KZRU-18";
        if (State is not DecisionState.Signing)
        {
            var given = _signatures.FirstOrDefault(s => s.MembershipId == membershipId && s.Kind == kind);
            if (given?.SignedAt is not null && State is DecisionState.Approved or DecisionState.Issued)
            {
                return false;
            }

            throw new RuleViolationException(rule, "Rule.Decision.NotSigning", "{0} (Regulation cl. 10): the decision is not on its signing route now.", rule);
        }

        var slot = _signatures.FirstOrDefault(s => s.MembershipId == membershipId && s.Kind == kind);
        if (slot is null)
        {
            throw kind == SignatureKind.Approve
                ? new RuleViolationException("KZRU-04", "Rule.Decision.NotApprover", "KZRU-04 (Regulation cl. 5): only the co-chairs approve decisions.")
                : new RuleViolationException(rule, "Rule.Decision.NotSigner",
                    "{0} (Regulation cl. 10): you are not among the signers of this decision (full route: the voting members present at the vote; short route: the secretaries).", rule);
        }

        if (slot.SignedAt is not null)
        {
            return false;
        }

        if (!string.Equals(signedHash, ContentHash, StringComparison.Ordinal))
        {
            throw new RuleViolationException(rule, "Rule.Decision.HashMismatch", "{0} (Regulation cl. 10): the text you signed is not the text on the route (its content hash differs). Reload and sign again.", rule);
        }

        if (kind == SignatureKind.Approve && _signatures.Any(s => s.Kind == SignatureKind.Sign && s.SignedAt is null))
        {
            throw new RuleViolationException(rule, "Rule.Decision.ApproveBeforeSignatures",
                "{0} (Regulation cl. 10): the co-chairs approve only after every required signature is collected ({1} awaited).",
                rule, _signatures.Count(s => s.Kind == SignatureKind.Sign && s.SignedAt is null));
        }

        return true;
    }

    /// <summary>
    /// The signer signs (or a co-chair approves) the content hash. Returns false when it was
    /// already done (signing twice does nothing the second time).
    /// </summary>
    public bool Sign(Guid membershipId, SignatureKind kind, string signedHash, DateTimeOffset at, string? fromAddress, string provider)
    {
        if (!RequireMaySign(membershipId, kind, signedHash))
        {
            return false;
        }

        var slot = _signatures.First(s => s.MembershipId == membershipId && s.Kind == kind);
        slot.Record(signedHash, at, fromAddress, provider);
        if (_signatures.All(s => s.SignedAt is not null))
        {
            State = DecisionState.Approved;
            ApprovedAt = at;
        }

        return true;
    }

    /// <summary>Every signature of the route (not the approvals) is given: the co-chairs may approve.</summary>
    public bool SignaturesComplete => State != DecisionState.Adopted && _signatures.Where(s => s.Kind == SignatureKind.Sign).All(s => s.SignedAt is not null);

    public void MarkIssued()
    {
        if (State != DecisionState.Approved)
        {
            throw new RuleViolationException("KZRU-18", "Rule.Decision.NotApproved", "KZRU-18 (Regulation cl. 10): only an approved decision is issued.");
        }

        State = DecisionState.Issued;
    }

    /// <summary>
    /// A correction (KZRU-22 keeps what was signed): this version is kept as superseded and the next
    /// version, with the corrected wording, starts again from "adopted" with an empty route.
    /// </summary>
    public Decision Correct(Guid newId, DecisionWording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        Supersede();
        return new Decision(newId, CommissionId, SessionId, AgendaItemId, BallotId, Number, Kind, VersionNumber + 1, Id, wording, PresentAtVote);
    }

    public DecisionWording Wording => new(TitleKk, TitleRu, TextKk, TextRu);

    /// <summary>A correction: this version is kept as superseded; the caller creates the next version.</summary>
    public void Supersede()
    {
        if (State == DecisionState.Superseded)
        {
            throw new RuleViolationException("KZRU-22", "Rule.Decision.AlreadySuperseded", "KZRU-22 (Regulation cl. 10): this version has already been replaced by a later one.");
        }

        if (State == DecisionState.Issued)
        {
            throw new RuleViolationException("KZRU-22", "Rule.Decision.IssuedIsFinal", "KZRU-22 (Regulation cl. 10): an issued decision is kept as it is; it cannot be superseded here.");
        }

        State = DecisionState.Superseded;
    }

    public IEnumerable<DecisionSignature> Awaited => _signatures.Where(s => s.SignedAt is null);
}

/// <summary>The titles and text of a decision in both languages (KZRU-23); one paragraph a line.</summary>
public sealed record DecisionWording(string TitleKk, string TitleRu, string TextKk, string TextRu)
{
    /// <summary>Each non-empty line is a paragraph (paragraph i of one language is printed level with paragraph i of the other).</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        (text ?? string.Empty).ReplaceLineEndings("\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
}

/// <summary>One required signature and, once given, who signed what hash, when, from where, by which provider.</summary>
public sealed class DecisionSignature
{
    private DecisionSignature() { }

    internal DecisionSignature(Guid id, Guid decisionId, Guid membershipId, Guid personId, Guid? sideId, CommissionRole role, SignatureKind kind)
    {
        Id = id;
        DecisionId = decisionId;
        MembershipId = membershipId;
        PersonId = personId;
        SideId = sideId;
        Role = role;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid MembershipId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid? SideId { get; private set; }
    public CommissionRole Role { get; private set; }
    public SignatureKind Kind { get; private set; }
    public string? SignedHash { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? FromAddress { get; private set; }
    public string? Provider { get; private set; }

    internal void Record(string hash, DateTimeOffset at, string? fromAddress, string provider)
    {
        SignedHash = hash;
        SignedAt = at;
        FromAddress = fromAddress;
        Provider = provider;
    }
}
