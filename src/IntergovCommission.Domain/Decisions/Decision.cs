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

    private Decision() { Number = string.Empty; }

    public Decision(Guid id, Guid commissionId, Guid sessionId, Guid agendaItemId, Guid ballotId, string number, DecisionKind kind, int versionNumber, Guid? previousVersionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
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
    /// The signer signs (or a co-chair approves) the content hash. Returns false when it was
    /// already done (signing twice does nothing the second time).
    /// </summary>
    public bool Sign(Guid membershipId, SignatureKind kind, string signedHash, DateTimeOffset at, string? fromAddress, string provider)
    {
        var rule = RouteRuleId ?? "KZRU-18";
        if (State is not DecisionState.Signing)
        {
            throw new RuleViolationException(rule, "Rule.Decision.NotSigning", "{0} (Regulation cl. 10): the decision is not on its signing route now.", rule);
        }

        if (!string.Equals(signedHash, ContentHash, StringComparison.Ordinal))
        {
            throw new RuleViolationException(rule, "Rule.Decision.HashMismatch", "{0} (Regulation cl. 10): the text you signed is not the text on the route (its content hash differs). Reload and sign again.", rule);
        }

        var slot = _signatures.FirstOrDefault(s => s.MembershipId == membershipId && s.Kind == kind);
        if (slot is null)
        {
            throw kind == SignatureKind.Approve
                ? new RuleViolationException("KZRU-04", "Rule.Decision.NotApprover", "KZRU-04 (Regulation cl. 5): only the co-chairs approve decisions.")
                : new RuleViolationException(rule, "Rule.Decision.NotSigner",
                    Route == SigningRoute.Full
                        ? "{0} (Regulation cl. 10): on the full route only the voting members present at the vote sign (representatives and absent members do not)."
                        : "{0} (Regulation cl. 10): on the short route only the secretaries sign.", rule);
        }

        if (slot.SignedAt is not null)
        {
            return false;
        }

        if (kind == SignatureKind.Approve && _signatures.Any(s => s.Kind == SignatureKind.Sign && s.SignedAt is null))
        {
            throw new RuleViolationException(rule, "Rule.Decision.ApproveBeforeSignatures",
                "{0} (Regulation cl. 10): the co-chairs approve only after every required signature is collected ({1} awaited).",
                rule, _signatures.Count(s => s.Kind == SignatureKind.Sign && s.SignedAt is null));
        }

        slot.Record(signedHash, at, fromAddress, provider);
        if (_signatures.All(s => s.SignedAt is not null))
        {
            State = DecisionState.Approved;
            ApprovedAt = at;
        }

        return true;
    }

    public void MarkIssued()
    {
        if (State != DecisionState.Approved)
        {
            throw new RuleViolationException("KZRU-18", "Rule.Decision.NotApproved", "KZRU-18 (Regulation cl. 10): only an approved decision is issued.");
        }

        State = DecisionState.Issued;
    }

    /// <summary>A correction: this version is kept as superseded; the caller creates the next version.</summary>
    public void Supersede()
    {
        if (State == DecisionState.Issued)
        {
            throw new RuleViolationException("KZRU-22", "Rule.Decision.IssuedIsFinal", "KZRU-22 (Regulation cl. 10): an issued decision is kept as it is; it cannot be superseded here.");
        }

        State = DecisionState.Superseded;
    }

    public IEnumerable<DecisionSignature> Awaited => _signatures.Where(s => s.SignedAt is null);
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
