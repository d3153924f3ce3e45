using System.Globalization;
using IntergovCommission.Documents;
using IntergovCommission.Documents.Rendering;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Documents;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Infrastructure.Documents;
using IntergovCommission.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using DocVote = IntergovCommission.Documents.VoteChoice;

namespace IntergovCommission.Web.Features.Decisions;

/// <summary>Decision records made from votes (KZRU-17) and the content a signature covers (KZRU-18).</summary>
public static class DecisionRecords
{
    /// <summary>
    /// Called when a ballot closes adopted: the decision record, with the wording voted on and the
    /// members present at that moment (the full route's signers). A re-vote that is adopted again
    /// replaces a decision not yet issued by a new version.
    /// </summary>
    public static async Task<Decision> CreateForAdoptedBallotAsync(CommissionDbContext db, Ballot ballot, LiveContext context, CancellationToken ct)
    {
        var item = await db.Set<AgendaItem>().AsNoTracking()
            .Where(i => i.Id == ballot.AgendaItemId)
            .Select(i => new { i.Position, i.Title, i.DecisionKind })
            .SingleAsync(ct);
        var number = DecisionNumbering.For(context.SessionNumber, item.Position);
        var current = await CurrentVersionAsync(db, context.CommissionId, number, ct);
        var wording = new DecisionWording(
            item.Title.Kk ?? item.Title.Ru ?? string.Empty,
            item.Title.Ru ?? item.Title.Kk ?? string.Empty,
            ballot.TextKk,
            ballot.TextRu);
        var present = context.Register.Where(r => SessionRules.IsVoterPresent(context.Profile, r.Entry)).Select(r => r.Entry.MembershipId).ToList();
        if (current is not null)
        {
            // The superseded row first, then the new one: the "one current version" index holds at every statement.
            current.Supersede();
            await db.SaveChangesAsync(ct);
        }

        var decision = new Decision(Guid.CreateVersion7(), context.CommissionId, context.SessionId, ballot.AgendaItemId, ballot.Id, number, item.DecisionKind,
            (current?.VersionNumber ?? 0) + 1, current?.Id, wording, present);
        db.Decisions.Add(decision);
        return decision;
    }

    /// <summary>KZRU-22: an item whose decision has been issued is not voted again (a new question is a new agenda item).</summary>
    public static async Task RequireNotIssuedAsync(CommissionDbContext db, Guid agendaItemId, CancellationToken ct)
    {
        var issued = await db.Decisions.AsNoTracking().Where(d => d.AgendaItemId == agendaItemId && d.State == DecisionState.Issued).Select(d => (Guid?)d.CommissionId).FirstOrDefaultAsync(ct);
        if (issued is Guid commissionId)
        {
            var rule = (await CommissionRules.ProfileAsync(db, commissionId, ct)).RuleFor(Capability.IssueDecision);
            throw new RuleViolationException(rule.Id, "Rule.Decision.ItemIssued", "{0} (Regulation {1}): the decision on this item has been issued; a new question needs a new agenda item.", rule.Id, rule.Clause);
        }
    }

    public static Task<Decision?> CurrentVersionAsync(CommissionDbContext db, Guid commissionId, string number, CancellationToken ct) =>
        db.Decisions.Include(d => d.Signatures)
            .Where(d => d.CommissionId == commissionId && d.Number == number && d.State != DecisionState.Superseded)
            .OrderByDescending(d => d.VersionNumber)
            .FirstOrDefaultAsync(ct);

    /// <summary>Everything the content hash covers: both texts, the metadata and the roll call.</summary>
    public static async Task<DecisionContent> ContentOfAsync(CommissionDbContext db, Decision decision, CancellationToken ct)
    {
        var facts = await FactsAsync(db, decision, ct);
        return new DecisionContent(
            decision.Number,
            facts.Date,
            facts.Place,
            facts.PlaceKk,
            facts.SessionNumber,
            decision.AgendaItemId,
            decision.Kind,
            decision.TitleKk,
            decision.TitleRu,
            DecisionWording.Paragraphs(decision.TextKk),
            DecisionWording.Paragraphs(decision.TextRu),
            facts.RollCall.Select(r => new RollCallLine(r.MembershipId, r.Name.Ru ?? r.Name.Kk ?? string.Empty, r.Name.Kk, r.SideCode ?? string.Empty, r.Choice, r.RecordedBySecretary)).ToList(),
            facts.BallotTextHash);
    }

    /// <param name="CastAt">When the vote was cast (CIS-01: the latest of a state's delegation counts); not part of the content hash.</param>
    public sealed record RollCallRow(Guid MembershipId, LocalizedText Name, string? SideCode, Guid? SideId, Domain.Voting.VoteChoice Choice, bool RecordedBySecretary, DateTimeOffset? CastAt = null);

    /// <param name="Place">The place as entered (Russian); <paramref name="PlaceKk"/> its Kazakh form, the same text when none was given.</param>
    public sealed record Facts(int SessionNumber, DateOnly Date, string Place, string TimeZoneId, string BallotTextHash, int Round, IReadOnlyList<RollCallRow> RollCall, string PlaceKk);

    /// <summary>The vote's facts: the session, the date of the vote in the session's zone, the place and the roll call.</summary>
    public static async Task<Facts> FactsAsync(CommissionDbContext db, Decision decision, CancellationToken ct)
    {
        var session = await db.Set<Session>().AsNoTracking().Where(s => s.Id == decision.SessionId)
            .Select(s => new { s.Number, s.Place, s.PlaceKk, s.StartsAt, s.TimeZoneId }).SingleAsync(ct);
        var ballot = await db.Ballots.AsNoTracking().Where(b => b.Id == decision.BallotId)
            .Select(b => new { b.TextHash, b.ClosedAt, b.Round }).SingleAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(session.TimeZoneId);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ballot.ClosedAt ?? session.StartsAt, zone).DateTime);
        var rollCall = await (from v in db.Votes.AsNoTracking()
                              join m in db.Memberships on v.MembershipId equals m.Id
                              join p in db.People on m.PersonId equals p.Id
                              join s in db.Sides on m.SideId equals s.Id into sides
                              from s in sides.DefaultIfEmpty()
                              where v.BallotId == decision.BallotId
                              select new { v.MembershipId, p.FullName, SideCode = s == null ? null : s.Code, m.SideId, v.Choice, v.RecordedByMembershipId, v.CastAt })
            .ToListAsync(ct);
        return new Facts(session.Number, date, session.Place ?? string.Empty, session.TimeZoneId, ballot.TextHash, ballot.Round,
            rollCall.OrderBy(r => r.SideCode).ThenBy(r => r.FullName.Ru)
                .Select(r => new RollCallRow(r.MembershipId, r.FullName, r.SideCode, r.SideId, r.Choice, r.RecordedByMembershipId is not null, r.CastAt)).ToList(), string.IsNullOrWhiteSpace(session.PlaceKk) ? session.Place ?? string.Empty : session.PlaceKk);
    }
}

/// <summary>
/// Issues an approved decision (KZRU-18, KZRU-23, CIS-09, CIS-13): renders the PDF in the profile's
/// document languages and words with the signature sheet, roll call (by state where each state has
/// one vote, CIS-01) and the dissenting opinions where the profile attaches them to the decision (KZRU-19;
/// CIS-08 enters them in the minutes instead), signs it with the server's certificate, stores the
/// exact bytes with their SHA-256 in the same transaction, and marks the decision issued.
/// </summary>
public sealed class DecisionIssuer(CommissionDbContext db, DocumentRenderer renderer, ServerSigningCertificate certificate, PdfSettings settings,
    IStringLocalizer<SharedResource> text, TimeProvider clock, IPublicAddress address,
    IntergovCommission.Web.Features.Audit.AuditCheckpoints auditCheckpoints, IntergovCommission.Web.Infrastructure.Mediator.AfterCommit afterCommit)
{
    public async Task<IssuedDecisionDocument> IssueAsync(Decision decision, CancellationToken ct)
    {
        // Issue #14: a signed checkpoint of the audit trail as committed now, printed in the PDF (which
        // the server's signature then covers), kept in the database with this command and, once it
        // is committed, in the checkpoint file.
        var checkpoint = (await auditCheckpoints.SignHeadAsync("decision", onlyIfGrown: false, ct))!;
        afterCommit.Add(() => auditCheckpoints.AppendToFileAsync(checkpoint, "decision", CancellationToken.None));
        var document = await BuildDocumentAsync(decision, ct) with { AuditCheckpoint = checkpoint.Compact };
        var pdf = renderer.RenderDecision(document);
        var facts = await db.Sessions.AsNoTracking().Where(s => s.Id == decision.SessionId).Select(s => s.Place).SingleAsync(ct);
        var signed = certificate.Signer.Sign(pdf, PdfSignatureDetailsFor(decision.Number, string.IsNullOrWhiteSpace(facts) ? settings.SigningLocation : facts!));
        var file = new StoredFile(Guid.CreateVersion7(), signed, "application/pdf", clock.GetUtcNow());
        db.StoredFiles.Add(file);
        var issued = new IssuedDecisionDocument(Guid.CreateVersion7(), decision.Id, decision.VersionNumber, file.Id, file.Sha256, clock.GetUtcNow());
        db.IssuedDecisionDocuments.Add(issued);
        decision.MarkIssued();
        afterCommit.Add(() =>
        {
            Infrastructure.AppMetrics.DocumentsIssued.Add(1);
            return Task.CompletedTask;
        });
        return issued;
    }

    private static IntergovCommission.Documents.Signing.PdfSignatureDetails PdfSignatureDetailsFor(string number, string location) =>
        IntergovCommission.Documents.Signing.PdfSignatureDetails.IssuedDecision(number, location);

    public Uri VerificationUrl(Guid decisionId) => new(address.BaseUri, $"Verify/{decisionId}");

    public async Task<DecisionDocument> BuildDocumentAsync(Decision decision, CancellationToken ct)
    {
        var facts = await DecisionRecords.FactsAsync(db, decision, ct);
        var profile = await CommissionRules.ProfileAsync(db, decision.CommissionId, ct);
        var body = SessionDocuments.Body(profile);
        var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == decision.CommissionId).Select(c => c.Name).SingleAsync(ct);
        var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == decision.CommissionId).ToDictionaryAsync(s => s.Id, ct);
        var personIds = decision.Signatures.Select(s => s.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var dissent = await (from d in db.DissentingOpinions.AsNoTracking()
                             join m in db.Memberships on d.MembershipId equals m.Id
                             join p in db.People on d.PersonId equals p.Id
                             where d.BallotId == decision.BallotId && profile.Dissent.AttachedToDecision
                             orderby d.SubmittedAt
                             select new { p.FullName, m.SideId, d.Text, d.Language })
            .ToListAsync(ct);

        BilingualText SideOf(Guid? sideId) => sideId is { } id && sides.TryGetValue(id, out var side)
            ? new BilingualText(side.Name.Kk ?? side.Name.Ru ?? side.Code, side.Name.Ru ?? side.Name.Kk ?? side.Code)
            : new BilingualText(string.Empty, string.Empty);
        DateTimeOffset? InSideZone(DateTimeOffset? at, Guid? sideId)
        {
            if (at is null)
            {
                return null;
            }

            var zone = sideId is { } id && sides.TryGetValue(id, out var side) ? side.TimeZoneId : facts.TimeZoneId;
            return TimeZoneInfo.ConvertTime(at.Value, TimeZoneInfo.FindSystemTimeZoneById(zone));
        }

        // CIS-09: the chair signs alone in the office held by rotation (the seat itself is a state's member's).
        CommissionRole PositionOf(CommissionRole seat) =>
            decision.Route == SigningRoute.ChairAlone && profile.Presiding.PresidingRoles.Count > 0 ? profile.Presiding.PresidingRoles[0] : seat;
        BilingualText NameOf(Guid personId) => SessionDocuments.Names(names.GetValueOrDefault(personId, LocalizedText.Empty));

        return new DecisionDocument(
            new BilingualText(commission.Kk ?? commission.Ru ?? string.Empty, commission.Ru ?? commission.Kk ?? string.Empty),
            decision.Number,
            facts.Date,
            string.IsNullOrWhiteSpace(facts.Place) ? new BilingualText(string.Empty, string.Empty) : new BilingualText(facts.PlaceKk, facts.Place),
            facts.SessionNumber,
            new BilingualText(decision.TitleKk, decision.TitleRu),
            Bilingual(text, "DecisionKind." + decision.Kind),
            DecisionWording.Paragraphs(decision.TextKk),
            DecisionWording.Paragraphs(decision.TextRu),
            decision.Signatures.Where(s => s.Kind == SignatureKind.Approve)
                .Select(s => new CoChairApproval(NameOf(s.PersonId), SideOf(s.SideId), InSideZone(s.SignedAt, s.SideId))).ToList(),
            decision.Signatures.Where(s => s.Kind == SignatureKind.Sign)
                .Select(s => new SignatureEntry(NameOf(s.PersonId), SideOf(s.SideId), SessionDocuments.Role(profile, PositionOf(s.Role)), InSideZone(s.SignedAt, s.SideId))).ToList(),
            decision.Copies,
            RollCall(body, facts.RollCall, r => SideOf(r.SideId).Ru).Select(r => new RollCallEntry(SessionDocuments.Names(r.Name), SideOf(r.SideId), (DocVote)(int)r.Choice, r.RecordedBySecretary)).ToList(),
            dissent.Select(d => new IntergovCommission.Documents.DissentingOpinion(SessionDocuments.Name(d.FullName, body), SideOf(d.SideId), d.Text,
                d.Language == "kk" ? DocumentLanguage.Kazakh : DocumentLanguage.Russian)).ToList(),
            decision.ContentHash ?? string.Empty,
            VerificationUrl(decision.Id),
            SignedByPosition: decision.Route == SigningRoute.ChairAlone,
            Body: body);
    }

    /// <summary>
    /// The roll call as printed: one line per voter, or with a vote per state (CIS-01) one line per state,
    /// with the vote that counts (the latest of its delegation), the states in Russian alphabetical order (as CIS-03 orders them).
    /// </summary>
    private static IEnumerable<DecisionRecords.RollCallRow> RollCall(IssuingBody body, IReadOnlyList<DecisionRecords.RollCallRow> rows, Func<DecisionRecords.RollCallRow, string> stateName) =>
        !body.VotesByState ? rows : rows
            .GroupBy(r => r.SideId ?? r.MembershipId)
            .Select(g => g.OrderByDescending(r => r.CastAt).First())
            .OrderBy(stateName, StringComparer.Create(CultureInfo.GetCultureInfo("ru"), ignoreCase: false));

    /// <summary>One resource in Kazakh and in Russian, whatever the reader's language.</summary>
    public static BilingualText Bilingual(IStringLocalizer localizer, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("kk");
            var kk = localizer[key].Value;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
            var ru = localizer[key].Value;
            return new BilingualText(kk, ru);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
