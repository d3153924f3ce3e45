using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Decisions;

/// <summary>Decisions from adopted votes to issued, signed PDFs on both routes (KZRU-17, -18, -21, -22), on a real PostgreSQL.</summary>
public sealed class DecisionSigningTests
{
    private const string Password = DecisionScenario.Password;

    private static Task<SignDecision.Result> SignAsync(TestApp app, string user, Guid decisionId, string hash, SignatureKind kind = SignatureKind.Sign, string confirmation = Password) =>
        app.SendAsAsync(user, new SignDecision.Command { DecisionId = decisionId, Kind = kind, ContentHash = hash, Confirmation = confirmation });

    [Fact]
    public async Task Short_route_secretaries_sign_then_co_chairs_approve_and_the_pdf_is_issued_KZRU_21()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);

        var created = await app.QueryAsync(db => db.Decisions.SingleAsync(d => d.Id == adopted.DecisionId));
        Assert.Equal(DecisionState.Adopted, created.State);
        Assert.Null(created.ContentHash);
        Assert.Contains("Утвердить программу", created.TextRu);
        Assert.Matches(@"^\d+-1$", created.Number);

        var notSecretary = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new StartSigning.Command(adopted.DecisionId)));
        Assert.Equal("KZRU-22", notSecretary.RuleId);

        var hash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        var view = await app.SendAsAsync("kz.cochair", new GetDecision.Query(adopted.DecisionId));
        Assert.Equal(SigningRoute.Short, view.Route);
        Assert.Equal("KZRU-21", view.RouteRuleId);
        Assert.Equal(2, view.Signatures.Count(s => s.Kind == SignatureKind.Sign && s.Role == CommissionRole.Secretary));
        Assert.Equal(2, view.Signatures.Count(s => s.Kind == SignatureKind.Approve && s.Role == CommissionRole.CoChair));
        var toSign = await app.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == "decision-sign"));
        Assert.Equal(2, toSign);

        // Approval before every signature is refused; a member is not a short-route signer.
        var early = await Assert.ThrowsAsync<RuleViolationException>(() => SignAsync(app, "kz.cochair", adopted.DecisionId, hash, SignatureKind.Approve));
        Assert.Equal("KZRU-21", early.RuleId);
        var member = await Assert.ThrowsAsync<RuleViolationException>(() => SignAsync(app, "kz.member", adopted.DecisionId, hash));
        Assert.Equal("KZRU-21", member.RuleId);
        var notCoChair = await Assert.ThrowsAsync<ForbiddenException>(() => SignAsync(app, "kz.secretary", adopted.DecisionId, hash, SignatureKind.Approve));
        Assert.Equal("KZRU-04", notCoChair.RuleId);

        // The signer re-confirms who they are; a wrong password signs nothing.
        var wrong = await Assert.ThrowsAsync<InputValidationException>(() => SignAsync(app, "kz.secretary", adopted.DecisionId, hash, confirmation: "not-my-password"));
        Assert.Contains("Confirmation", wrong.Errors.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.DecisionSignatures.CountAsync(s => s.DecisionId == adopted.DecisionId && s.SignedAt != null)));
        // A stale hash (the text shown is not the text on the route) is refused.
        var stale = await Assert.ThrowsAsync<RuleViolationException>(() => SignAsync(app, "kz.secretary", adopted.DecisionId, new string('0', 64)));
        Assert.Equal("KZRU-21", stale.RuleId);

        Assert.True((await SignAsync(app, "kz.secretary", adopted.DecisionId, hash)).Recorded);
        Assert.False((await SignAsync(app, "kz.secretary", adopted.DecisionId, hash)).Recorded); // twice: nothing the second time
        // ... and only to whoever re-confirms: a wrong password learns nothing, not even "already signed".
        var again = await Assert.ThrowsAsync<InputValidationException>(() => SignAsync(app, "kz.secretary", adopted.DecisionId, hash, confirmation: "not-my-password"));
        Assert.Contains("Confirmation", again.Errors.Keys);
        Assert.True((await SignAsync(app, "ru.secretary", adopted.DecisionId, hash)).Recorded);
        Assert.Equal(2, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == "decision-approve")));

        var awaiting = await app.SendAsAsync("ru.cochair", new ListMyDecisions.Query());
        Assert.Contains(awaiting.AwaitingMe, r => r.Id == adopted.DecisionId && r.AwaitedFromMe == SignatureKind.Approve && r.ContentHash == hash);

        Assert.Equal(DecisionState.Signing, (await SignAsync(app, "kz.cochair", adopted.DecisionId, hash, SignatureKind.Approve)).State);
        Assert.Equal(DecisionState.Issued, (await SignAsync(app, "ru.cochair", adopted.DecisionId, hash, SignatureKind.Approve)).State);

        var signatures = await app.QueryAsync(db => db.DecisionSignatures.Where(s => s.DecisionId == adopted.DecisionId).ToListAsync());
        Assert.All(signatures, s =>
        {
            Assert.Equal(hash, s.SignedHash);
            Assert.NotNull(s.SignedAt);
            Assert.Equal(PasswordOrAuthenticatorSignatureProvider.ProviderName, s.Provider);
        });

        var pdf = await app.SendAsAsync("kz.member", new GetDecisionPdf.Query(adopted.DecisionId));
        var text = PdfTools.Text(pdf.Content);
        Assert.Contains("Утвердить программу лётных испытаний", text);
        Assert.Contains("Ұшу сынақтарының бағдарламасын бекіту", text);
        Assert.Contains(created.Number, text);
        Assert.Contains(hash[..8], text);
        var signers = await app.QueryAsync(db => (from s in db.DecisionSignatures
                                                  join p in db.People on s.PersonId equals p.Id
                                                  where s.DecisionId == adopted.DecisionId
                                                  select p.FullName).ToListAsync());
        Assert.All(signers, name => Assert.Contains(name.Ru!, text));
        var pdfsig = PdfTools.Run("pdfsig", pdf.Content);
        Assert.Contains("Signature is Valid", pdfsig.Output);

        var authentic = await app.SendAsAsync("kz.member", new CheckDecisionDocument.Query(adopted.DecisionId, pdf.Content, null));
        Assert.True(authentic.Authentic);
        var tampered = (byte[])pdf.Content.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        Assert.False((await app.SendAsAsync("kz.member", new CheckDecisionDocument.Query(adopted.DecisionId, tampered, null))).Authentic);
        Assert.True((await app.SendAsAsync("kz.member", new CheckDecisionDocument.Query(null, null, pdf.Sha256))).Authentic);

        // KZRU-22: the issued decision is final, and its item is not voted again.
        var final = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new CorrectDecision.Command
        {
            DecisionId = adopted.DecisionId, TitleKk = "a", TitleRu = "b", TextKk = "c", TextRu = "d", Reason = "typo",
        }));
        Assert.Equal("KZRU-22", final.RuleId);
        var revote = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", new Web.Features.Live.OpenBallot.Command(adopted.SessionId, adopted.ItemId)));
        Assert.Equal("KZRU-22", revote.RuleId);
    }

    [Fact]
    public async Task Full_route_every_member_present_signs_in_two_copies_and_absent_members_and_representatives_are_refused_KZRU_18()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.FlightTestStartOrCompletion, "ru.member");
        var hash = await app.SendAsAsync("ru.secretary", new StartSigning.Command(adopted.DecisionId));
        var view = await app.SendAsAsync("kz.member", new GetDecision.Query(adopted.DecisionId));
        Assert.Equal(SigningRoute.Full, view.Route);
        Assert.Equal("KZRU-18", view.RouteRuleId);
        Assert.Equal(2, view.Copies);
        var present = await app.QueryAsync(db => db.Decisions.Where(d => d.Id == adopted.DecisionId).Select(d => d.PresentAtVote).SingleAsync());
        Assert.Equal(present.Length, view.Signatures.Count(s => s.Kind == SignatureKind.Sign));
        Assert.True(present.Length >= 18);
        Assert.DoesNotContain(view.Signatures, s => s.Role is CommissionRole.Representative);

        var absent = await Assert.ThrowsAsync<RuleViolationException>(() => SignAsync(app, "ru.member", adopted.DecisionId, hash));
        Assert.Equal("KZRU-18", absent.RuleId);
        var representative = await Assert.ThrowsAsync<ForbiddenException>(() => SignAsync(app, "kz.representative", adopted.DecisionId, hash));
        Assert.Equal("KZRU-15", representative.RuleId);

        var signIns = await DecisionScenario.SignInsOfAwaitedAsync(app, adopted.DecisionId);
        foreach (var slot in view.Signatures.Where(s => s.Kind == SignatureKind.Sign))
        {
            Assert.True((await SignAsync(app, signIns[slot.MembershipId], adopted.DecisionId, hash)).Recorded);
        }

        // Both co-chairs approve at the same moment: both recorded, the decision issued once.
        var approvals = await Task.WhenAll(
            SignAsync(app, "kz.cochair", adopted.DecisionId, hash, SignatureKind.Approve),
            SignAsync(app, "ru.cochair", adopted.DecisionId, hash, SignatureKind.Approve));
        Assert.All(approvals, a => Assert.True(a.Recorded));
        Assert.Equal(1, await app.QueryAsync(db => db.IssuedDecisionDocuments.CountAsync(i => i.DecisionId == adopted.DecisionId)));

        var pdf = await app.SendAsAsync("kz.secretary", new GetDecisionPdf.Query(adopted.DecisionId));
        var text = PdfTools.Text(pdf.Content);
        Assert.Contains("Экземпляр 1 из 2", text);
        Assert.Contains("Экземпляр 2 из 2", text);
        Assert.Contains("2-дана (2 данадан)", text);
    }

    [Fact]
    public async Task A_correction_is_a_new_version_that_restarts_the_route_and_keeps_the_old_one_KZRU_18()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        var firstHash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));
        await SignAsync(app, "kz.secretary", adopted.DecisionId, firstHash);

        var blank = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("ru.secretary", new CorrectDecision.Command { DecisionId = adopted.DecisionId, TitleRu = "x" }));
        Assert.Contains("TextRu", blank.Errors.Keys);

        var nextId = await app.SendAsAsync("ru.secretary", new CorrectDecision.Command
        {
            DecisionId = adopted.DecisionId,
            TitleKk = "Ұшу сынақтарының бағдарламасын бекіту туралы",
            TitleRu = "Об утверждении программы лётных испытаний",
            TextKk = DecisionScenario.KazakhText,
            TextRu = DecisionScenario.RussianText.Replace("готовность", "полную готовность", StringComparison.Ordinal),
            Reason = "Уточнение формулировки",
        });

        var old = await app.SendAsAsync("kz.member", new GetDecision.Query(adopted.DecisionId));
        Assert.Equal(DecisionState.Superseded, old.State);
        Assert.Equal(firstHash, old.ContentHash);
        Assert.Single(old.Signatures, s => s.SignedAt is not null); // the old signature is kept
        var next = await app.SendAsAsync("kz.member", new GetDecision.Query(nextId));
        Assert.Equal(2, next.VersionNumber);
        Assert.Equal(DecisionState.Adopted, next.State);
        Assert.Empty(next.Signatures);
        Assert.Equal(old.Number, next.Number);
        Assert.Equal(2, next.Versions.Count);

        var stale = await Assert.ThrowsAsync<RuleViolationException>(() => SignAsync(app, "ru.secretary", adopted.DecisionId, firstHash));
        Assert.Equal("KZRU-21", stale.RuleId);
        var secondHash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(nextId));
        Assert.NotEqual(firstHash, secondHash);
        Assert.True((await SignAsync(app, "kz.secretary", nextId, secondHash)).Recorded);

        // The database itself keeps a given signature and the fixed hash.
        await Assert.ThrowsAnyAsync<Exception>(() => app.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE decision_signatures SET signed_hash = 'x' WHERE decision_id = {nextId} AND signed_at IS NOT NULL")));
        await Assert.ThrowsAnyAsync<Exception>(() => app.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE decisions SET text_ru = 'x' WHERE id = {nextId}")));
    }

    [Fact]
    public async Task Verification_is_public_and_shows_the_text_only_to_the_commission()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        var hash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));
        var client = app.CreateClient();
        var page = await client.GetAsync($"/Verify/{adopted.DecisionId}");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // Not issued yet: the public learns only that, no state, no hash, no internal ids.
        Assert.Contains("data-testid=\"verify-not-issued\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Утвердить программу", html);
        Assert.DoesNotContain("Об утверждении программы", html);
        var api = await client.GetStringAsync($"/api/v1/verify/decisions/{adopted.DecisionId}");
        Assert.DoesNotContain(hash, api, StringComparison.Ordinal);
        Assert.Contains("\"isIssued\":false", api, StringComparison.Ordinal);
        var ids = await app.QueryAsync(db => db.DecisionSignatures.Where(s => s.DecisionId == adopted.DecisionId).Select(s => new { s.PersonId, s.MembershipId }).ToListAsync());
        Assert.All(ids, id => Assert.DoesNotContain(id.PersonId.ToString(), html + api, StringComparison.OrdinalIgnoreCase));

        // Issued: the facts and the signers by name, side and role, still no person or membership ids.
        foreach (var (user, kind) in new[] { ("kz.secretary", SignatureKind.Sign), ("ru.secretary", SignatureKind.Sign), ("kz.cochair", SignatureKind.Approve), ("ru.cochair", SignatureKind.Approve) })
        {
            await SignAsync(app, user, adopted.DecisionId, hash, kind);
        }

        var issuedHtml = await client.GetStringAsync($"/Verify/{adopted.DecisionId}");
        var issuedApi = await client.GetStringAsync($"/api/v1/verify/decisions/{adopted.DecisionId}");
        Assert.Contains(hash, issuedHtml, StringComparison.Ordinal);
        Assert.Contains("\"isIssued\":true", issuedApi, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            Assert.DoesNotContain(id.PersonId.ToString(), issuedHtml + issuedApi, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(id.MembershipId.ToString(), issuedHtml + issuedApi, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("Утвердить программу", issuedHtml);
        var missing = await client.GetAsync($"/Verify/{Guid.NewGuid()}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class DecisionRecordTests
{
    [Fact]
    public async Task A_rejected_vote_makes_no_decision_and_an_adopted_re_vote_replaces_the_decision_not_yet_issued_KZRU_17()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));

        // Round 2 is rejected (nobody votes): no new decision, the first one stands.
        var round2 = await app.SendAsAsync("kz.cochair", new Web.Features.Live.OpenBallot.Command(adopted.SessionId, adopted.ItemId));
        await app.SendAsAsync("kz.cochair", new Web.Features.Live.CloseBallot.Command(round2, ConfirmMissingVotes: true));
        Assert.Equal(0, await app.QueryAsync(db => db.Decisions.CountAsync(d => d.BallotId == round2)));

        // Round 3 is adopted: it supersedes the decision on its route (kept), as version 2.
        var round3 = await app.SendAsAsync("kz.cochair", new Web.Features.Live.OpenBallot.Command(adopted.SessionId, adopted.ItemId));
        foreach (var voter in (await LiveScenario.RosterAsync(app)).Where(r => r.Role is CommissionRole.Member or CommissionRole.CoChair or CommissionRole.DeputyCoChair))
        {
            await LiveScenario.RecordVoteAsync(app, round3, voter.MembershipId, Domain.Voting.VoteChoice.For);
        }

        await app.SendAsAsync("kz.cochair", new Web.Features.Live.CloseBallot.Command(round3, ConfirmMissingVotes: true));
        var versions = await app.QueryAsync(db => db.Decisions.Where(d => d.AgendaItemId == adopted.ItemId).OrderBy(d => d.VersionNumber).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal(DecisionState.Superseded, versions[0].State);
        Assert.Equal(DecisionState.Adopted, versions[1].State);
        Assert.Equal(round3, versions[1].BallotId);
        Assert.Equal(versions[0].Number, versions[1].Number);
        Assert.Equal(versions[0].Id, versions[1].PreviousVersionId);
    }
}
