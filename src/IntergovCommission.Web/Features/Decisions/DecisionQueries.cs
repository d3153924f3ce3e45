using System.Security.Cryptography;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Decisions;

public sealed record SignatureRow(Guid MembershipId, Guid PersonId, LocalizedText Name, CommissionRole Role, string? SideCode, SignatureKind Kind, DateTimeOffset? SignedAt, string? FromAddress, string? Provider);

public sealed record VersionRow(Guid Id, int VersionNumber, DecisionState State);

public sealed record IssuedRow(string Sha256, DateTimeOffset IssuedAt, long Size);

/// <summary>One decision with its route, who has signed and who is awaited (product step 7).</summary>
public static class GetDecision
{
    /// <summary>Reading a decision before it is issued is a read of an unissued draft: recorded in the audit trail (issue #14).</summary>
    public sealed record Query(Guid DecisionId) : IQuery<Result>, IAuditedRead
    {
        public async Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) => await DecisionAccess.CommissionOfAsync(db, DecisionId, cancellationToken);

        public bool IsConfidential(object? response) => response is Result { Issued: null };
    }

    public sealed record DissentRow(LocalizedText Author, string? SideCode, string Language, string Text, DateTimeOffset SubmittedAt);

    public sealed record ViewerRights(Guid? PersonId, bool IsSecretary, bool IsCoChair, SignatureKind? AwaitedFromMe, bool SignedByMe);

    public sealed record Result(
        Guid Id, Guid CommissionId, LocalizedText CommissionName, string Number, int VersionNumber, DecisionState State, DecisionKind Kind,
        SigningRoute? Route, string? RouteRuleId, int Copies, string? ContentHash, Guid SessionId, int SessionNumber, DateOnly Date, string Place, string TimeZoneId,
        string TitleKk, string TitleRu, string TextKk, string TextRu, DateTimeOffset? SigningStartedAt, DateTimeOffset? ApprovedAt,
        IReadOnlyList<SignatureRow> Signatures, IReadOnlyList<DecisionRecords.RollCallRow> RollCall, IReadOnlyList<DissentRow> Dissent,
        IReadOnlyList<VersionRow> Versions, IssuedRow? Issued, SigningRoute PlannedRoute, ViewerRights Viewer)
    {
        public IEnumerable<SignatureRow> Awaited => Signatures.Where(s => s.SignedAt is null);

        /// <summary>CIS-12: when the issued decision is due to reach every member, and whether it was sent (null where the profile tracks no distribution).</summary>
        public DistributionView? Distribution { get; init; }
        public bool SignaturesComplete => Signatures.Where(s => s.Kind == SignatureKind.Sign).All(s => s.SignedAt is not null);
    }

    public sealed record DistributionView(DateOnly Due, RuleRef Rule, DateOnly? SentOn, string? How, bool Overdue, bool CanRecord);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, await DecisionAccess.CommissionOfAsync(db, request.DecisionId, cancellationToken));
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var d = await db.Decisions.AsNoTracking().Include(x => x.Signatures).SingleAsync(x => x.Id == request.DecisionId, cancellationToken);
            var facts = await DecisionRecords.FactsAsync(db, d, cancellationToken);
            var commissionName = await db.Commissions.AsNoTracking().Where(c => c.Id == d.CommissionId).Select(c => c.Name).SingleAsync(cancellationToken);
            var profile = await Commissions.CommissionAccess.ProfileOfAsync(db, d.CommissionId, cancellationToken);
            var isSecretary = actor.May(d.CommissionId, Capability.IssueDecision) || actor.IsAdministrator;
            var signatures = await SignatureRowsAsync(db, d, showAddresses: isSecretary, cancellationToken);
            var dissent = await (from o in db.DissentingOpinions.AsNoTracking()
                                 join m in db.Memberships on o.MembershipId equals m.Id
                                 join p in db.People on o.PersonId equals p.Id
                                 join s in db.Sides on m.SideId equals s.Id into sides
                                 from s in sides.DefaultIfEmpty()
                                 where o.BallotId == d.BallotId
                                 orderby o.SubmittedAt
                                 select new DissentRow(p.FullName, s == null ? null : s.Code, o.Language, o.Text, o.SubmittedAt))
                .ToListAsync(cancellationToken);
            var versions = await db.Decisions.AsNoTracking().Where(x => x.CommissionId == d.CommissionId && x.Number == d.Number)
                .OrderBy(x => x.VersionNumber).Select(x => new VersionRow(x.Id, x.VersionNumber, x.State)).ToListAsync(cancellationToken);
            var issued = await (from i in db.IssuedDecisionDocuments.AsNoTracking()
                                join f in db.StoredFiles on i.FileId equals f.Id
                                where i.DecisionId == d.Id
                                select new IssuedRow(i.Sha256, i.IssuedAt, f.Size)).SingleOrDefaultAsync(cancellationToken);
            var mine = signatures.Where(s => s.PersonId == actor.PersonId).ToList();
            var awaited = mine.FirstOrDefault(s => s.SignedAt is null)?.Kind;
            var viewer = new ViewerRights(actor.PersonId, actor.May(d.CommissionId, Capability.IssueDecision), actor.May(d.CommissionId, Capability.ApproveDecision),
                awaited, mine.Any(s => s.SignedAt is not null));
            return new Result(d.Id, d.CommissionId, commissionName, d.Number, d.VersionNumber, d.State, d.Kind, d.Route, d.RouteRuleId, d.Copies, d.ContentHash,
                d.SessionId, facts.SessionNumber, facts.Date, facts.Place, facts.TimeZoneId, d.TitleKk, d.TitleRu, d.TextKk, d.TextRu, d.SigningStartedAt, d.ApprovedAt,
                signatures, facts.RollCall, dissent, versions, issued, profile.Signing.RouteFor(d.Kind), viewer)
            {
                Distribution = profile.Distribution is { } rule && issued is not null
                    ? await DistributionAsync(rule, d, facts.Date, actor.May(d.CommissionId, Capability.IssueDecision), cancellationToken)
                    : null,
            };
        }

        private async Task<DistributionView> DistributionAsync(DistributionRule rule, Decision d, DateOnly sessionDate, bool canRecord, CancellationToken ct)
        {
            var sent = await db.DecisionDistributions.AsNoTracking().Where(x => x.DecisionId == d.Id).Select(x => new { x.SentOn, x.How }).SingleOrDefaultAsync(ct);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return new DistributionView(DecisionDistribution.Due(rule, sessionDate), rule.Rule, sent?.SentOn, sent?.How,
                DecisionDistribution.IsOverdue(rule, sessionDate, sent?.SentOn, today), canRecord && sent is null);
        }
    }

    internal static async Task<List<SignatureRow>> SignatureRowsAsync(CommissionDbContext db, Decision d, bool showAddresses, CancellationToken ct)
    {
        var people = d.Signatures.Select(s => s.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == d.CommissionId).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var profile = await CommissionRules.ProfileAsync(db, d.CommissionId, ct);
        return d.Signatures
            .OrderBy(s => s.Kind).ThenBy(s => s.SideId is { } id && sides.TryGetValue(id, out var c) ? c : string.Empty).ThenBy(s => profile.RoleOrder(s.Role))
            .ThenBy(s => names.TryGetValue(s.PersonId, out var n) ? n.Ru : string.Empty)
            .Select(s => new SignatureRow(s.MembershipId, s.PersonId, names.TryGetValue(s.PersonId, out var name) ? name : LocalizedText.Empty, s.Role,
                s.SideId is { } side && sides.TryGetValue(side, out var code) ? code : null, s.Kind, s.SignedAt, showAddresses ? s.FromAddress : null, s.Provider))
            .ToList();
    }
}

/// <summary>The decisions a person is awaited on (to sign or approve), and the recent decisions of their commissions.</summary>
public static class ListMyDecisions
{
    public sealed record Query : IQuery<Result>;

    public sealed record Row(Guid Id, Guid CommissionId, string Number, int VersionNumber, DecisionState State, DecisionKind Kind, string TitleKk, string TitleRu,
        string? ContentHash, SignatureKind? AwaitedFromMe, int SignaturesGiven, int SignaturesRequired, DateTimeOffset? SigningStartedAt)
    {
        /// <summary>The text in both languages, read before the signature form (issue 15 item 7).</summary>
        public string TextKk { get; init; } = string.Empty;
        public string TextRu { get; init; } = string.Empty;
    }

    public sealed record Result(IReadOnlyList<Row> AwaitingMe, IReadOnlyList<Row> Recent);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var commissions = actor.Memberships.Select(m => m.CommissionId).Distinct().ToList();
            var person = actor.PersonId ?? Guid.Empty;
            var awaiting = await db.Decisions.AsNoTracking().Include(d => d.Signatures)
                .Where(d => d.State == DecisionState.Signing && d.Signatures.Any(s => s.PersonId == person && s.SignedAt == null))
                .OrderBy(d => d.SigningStartedAt)
                .ToListAsync(cancellationToken);
            // Approval is awaited from a co-chair only once every signature is in (KZRU-18).
            var awaitingRows = awaiting
                .Select(d => (Decision: d, Kind: d.Signatures.Where(s => s.PersonId == person && s.SignedAt == null).Min(s => s.Kind)))
                .Where(x => x.Kind == SignatureKind.Sign || x.Decision.SignaturesComplete)
                .Select(x => RowOf(x.Decision, x.Kind))
                .ToList();
            // The recent list shows counts, not texts or signatures: projected in the database (ten years of
            // decisions with twenty signatures each must not come back to be counted here).
            var recent = await db.Decisions.AsNoTracking()
                .Where(d => commissions.Contains(d.CommissionId) && d.State != DecisionState.Superseded)
                .OrderByDescending(d => d.Id)
                .Take(50)
                .Select(d => new Row(d.Id, d.CommissionId, d.Number, d.VersionNumber, d.State, d.Kind, d.TitleKk, d.TitleRu, d.ContentHash, null,
                    d.Signatures.Count(s => s.SignedAt != null), d.Signatures.Count(), d.SigningStartedAt))
                .ToListAsync(cancellationToken);
            return new Result(awaitingRows, recent);
        }

        private static Row RowOf(Decision d, SignatureKind? awaited) => new(d.Id, d.CommissionId, d.Number, d.VersionNumber, d.State, d.Kind, d.TitleKk, d.TitleRu, d.ContentHash,
            awaited, d.Signatures.Count(s => s.SignedAt != null), d.Signatures.Count, d.SigningStartedAt)
        {
            TextKk = awaited is null ? string.Empty : d.TextKk,
            TextRu = awaited is null ? string.Empty : d.TextRu,
        };
    }
}

/// <summary>The decisions made at one session (for the session and live pages).</summary>
public static class ListSessionDecisions
{
    public sealed record Query(Guid SessionId) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, Guid BallotId, Guid AgendaItemId, string Number, int VersionNumber, DecisionState State);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, await Live.LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken));
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Decisions.AsNoTracking().Where(d => d.SessionId == request.SessionId && d.State != DecisionState.Superseded)
                .OrderBy(d => d.Number).Select(d => new Row(d.Id, d.BallotId, d.AgendaItemId, d.Number, d.VersionNumber, d.State)).ToListAsync(cancellationToken);
    }
}

/// <summary>The issued PDF, exactly as issued (its SHA-256 is what verification compares).</summary>
public static class GetDecisionPdf
{
    public sealed record Query(Guid DecisionId) : IQuery<Result>, IAuditedRead
    {
        public async Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) => await DecisionAccess.CommissionOfAsync(db, DecisionId, cancellationToken);
    }

    public sealed record Result(string FileName, byte[] Content, string Sha256);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, await DecisionAccess.CommissionOfAsync(db, request.DecisionId, cancellationToken));
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await (from i in db.IssuedDecisionDocuments.AsNoTracking()
                               join f in db.StoredFiles on i.FileId equals f.Id
                               join d in db.Decisions on i.DecisionId equals d.Id
                               where i.DecisionId == request.DecisionId
                               select new { d.Number, d.VersionNumber, f.Content, i.Sha256 }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                var commissionId = await DecisionAccess.CommissionOfAsync(db, request.DecisionId, cancellationToken);
                var rule = (await CommissionRules.ProfileAsync(db, commissionId, cancellationToken)).Signing.FullRouteRule;
                throw new RuleViolationException(rule.Id, "Rule.Decision.NotIssuedYet", "{0} (Regulation {1}): the decision is issued as a PDF once both co-chairs have approved it.", rule.Id, rule.Clause);
            }

            return new Result($"decision-{found.Number}-v{found.VersionNumber}.pdf", found.Content, found.Sha256);
        }
    }
}

/// <summary>
/// The public verification of a decision (reached from the QR code, no sign-in): number, date,
/// status, hash and signers; the text only for those who may read it.
/// </summary>
public static class VerifyDecision
{
    public sealed record Query(Guid DecisionId) : IQuery<Result>;

    /// <summary>A signature as the public sees it: who (name, side, role), what and when; no internal ids.</summary>
    public sealed record PublicSigner(LocalizedText Name, string? SideCode, CommissionRole Role, SignatureKind Kind, DateTimeOffset SignedAt)
    {
        /// <summary>The zone the issued PDF prints this time in: the signer's side's (else the session's), issue 15 item 8.</summary>
        public string TimeZoneId { get; init; } = "UTC";
    }

    /// <summary>
    /// What verification shows. Before a decision is issued the public learns only that it is not issued
    /// (<see cref="IsIssued"/> false, everything else empty); the commission's own people see its state and route.
    /// </summary>
    public sealed record Result(Guid Id, bool IsIssued, string? Number, int? VersionNumber, DecisionState? State, DateOnly? Date, int? SessionNumber, LocalizedText? CommissionName,
        string? ContentHash, IssuedRow? Issued, IReadOnlyList<PublicSigner> Signatures, Guid? CurrentVersionId, bool MayReadText, string? TitleKk, string? TitleRu)
    {
        /// <summary>The session's zone (the issue time is shown in it, in the PDF's form).</summary>
        public string TimeZoneId { get; init; } = "UTC";
    }

    /// <summary>Anyone may verify; what the text says is shown only to the commission's own people.</summary>
    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var d = await db.Decisions.AsNoTracking().Include(x => x.Signatures).SingleOrDefaultAsync(x => x.Id == request.DecisionId, cancellationToken)
                ?? throw new NotFoundException("Decision", request.DecisionId);
            var issued = await (from i in db.IssuedDecisionDocuments.AsNoTracking()
                                join f in db.StoredFiles on i.FileId equals f.Id
                                where i.DecisionId == d.Id
                                select new IssuedRow(i.Sha256, i.IssuedAt, f.Size)).SingleOrDefaultAsync(cancellationToken);
            var mayRead = actor.IsAuthenticated && (actor.IsAdministrator || actor.IsIn(d.CommissionId));
            if (issued is null && !mayRead)
            {
                return new Result(d.Id, false, null, null, null, null, null, null, null, null, [], null, false, null, null);
            }

            var facts = await DecisionRecords.FactsAsync(db, d, cancellationToken);
            var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == d.CommissionId).Select(c => c.Name).SingleAsync(cancellationToken);
            var current = await db.Decisions.AsNoTracking().Where(x => x.CommissionId == d.CommissionId && x.Number == d.Number && x.State != DecisionState.Superseded)
                .Select(x => (Guid?)x.Id).FirstOrDefaultAsync(cancellationToken);
            var zones = await db.Sides.AsNoTracking().Where(x => x.CommissionId == d.CommissionId).ToDictionaryAsync(x => x.Code, x => x.TimeZoneId, cancellationToken);
            var signatures = (await GetDecision.SignatureRowsAsync(db, d, showAddresses: false, cancellationToken))
                .Where(s => s.SignedAt is not null)
                .Select(s => new PublicSigner(s.Name, s.SideCode, s.Role, s.Kind, s.SignedAt!.Value)
                {
                    TimeZoneId = s.SideCode is { } code && zones.TryGetValue(code, out var zone) ? zone : facts.TimeZoneId,
                })
                .ToList();
            return new Result(d.Id, issued is not null, d.Number, d.VersionNumber, d.State, facts.Date, facts.SessionNumber, commission, d.ContentHash, issued, signatures,
                current, mayRead, mayRead ? d.TitleKk : null, mayRead ? d.TitleRu : null) { TimeZoneId = facts.TimeZoneId };
        }
    }
}

/// <summary>
/// Is this file exactly the issued document? The SHA-256 of the uploaded bytes is compared with the
/// one kept when the decision was issued: one changed byte and it is not authentic.
/// </summary>
public static class CheckDecisionDocument
{
    public const int MaxBytes = 25 * 1024 * 1024;

    /// <param name="DecisionId">The decision the visitor expects (from the page they are on); null checks against every issued decision.</param>
    /// <param name="Sha256">Either the hash (API) or the content is given.</param>
    public sealed record Query(Guid? DecisionId, byte[]? Content, string? Sha256) : IQuery<Result>;

    public sealed record Result(bool Authentic, string Sha256, Guid? DecisionId, string? Number, int? VersionNumber, DecisionState? State, bool IsCurrentVersion);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class Handler(CommissionDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.SharedResource> text) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            string sha;
            if (request.Content is { } content)
            {
                if (content.Length == 0)
                {
                    throw new InputValidationException("Upload", text["Verify.ChooseFile"]);
                }

                sha = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
            }
            else
            {
                sha = (request.Sha256 ?? string.Empty).Trim().ToLowerInvariant();
                if (sha.Length != 64 || !sha.All(Uri.IsHexDigit))
                {
                    throw new InputValidationException("Sha256", text["Verify.ShaFormat"]);
                }
            }

            var match = await (from i in db.IssuedDecisionDocuments.AsNoTracking()
                               join d in db.Decisions on i.DecisionId equals d.Id
                               where i.Sha256 == sha && (request.DecisionId == null || i.DecisionId == request.DecisionId)
                               select new { d.Id, d.Number, d.VersionNumber, d.State, d.CommissionId }).FirstOrDefaultAsync(cancellationToken);
            if (match is null)
            {
                return new Result(false, sha, request.DecisionId, null, null, null, false);
            }

            var isCurrent = !await db.Decisions.AnyAsync(x => x.CommissionId == match.CommissionId && x.Number == match.Number && x.VersionNumber > match.VersionNumber, cancellationToken);
            return new Result(true, sha, match.Id, match.Number, match.VersionNumber, match.State, isCurrent);
        }
    }
}

/// <summary>The current version of the decision made by a ballot (the live page links to it).</summary>
public static class FindDecisionOfBallot
{
    public sealed record Query(Guid BallotId) : IQuery<Guid>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            var sessionId = await Live.LiveContext.SessionOfBallotAsync(db, request.BallotId, cancellationToken);
            Require.InCommission(actor, await Live.LiveContext.CommissionOfSessionAsync(db, sessionId, cancellationToken));
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, Guid>
    {
        public async Task<Guid> Handle(Query request, CancellationToken cancellationToken)
        {
            var made = await db.Decisions.AsNoTracking().Where(d => d.BallotId == request.BallotId)
                .Select(d => new { d.CommissionId, d.Number }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Decision of ballot", request.BallotId);
            return await db.Decisions.AsNoTracking()
                .Where(d => d.CommissionId == made.CommissionId && d.Number == made.Number)
                .OrderByDescending(d => d.VersionNumber).Select(d => d.Id).FirstAsync(cancellationToken);
        }
    }
}
