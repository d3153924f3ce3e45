using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Sessions;

public sealed class ProposalRoutingTests
{
    private static SubmitProposal.Command Proposal(Guid sessionId, string title = "Об изменении программы лётных испытаний") => new()
    {
        SessionId = sessionId,
        TitleRu = title,
        RationaleRu = "Сдвиг сроков поставки.",
        DraftDecisionRu = "Утвердить изменения.",
    };

    [Fact]
    public async Task Kz_members_proposal_reaches_the_kz_secretary_only_and_the_ru_secretary_cannot_accept_it_KZRU_06()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 12);
        var sent = await app.SendAsAsync("kz.member", Proposal(sessionId));
        Assert.Equal("KZ", sent.SideCode);
        Assert.False(sent.IsLate);

        var kzInbox = await app.SendAsAsync("kz.secretary", new ListInbox.Query());
        var ruInbox = await app.SendAsAsync("ru.secretary", new ListInbox.Query(IncludeDecided: true));
        Assert.Contains(kzInbox, p => p.Id == sent.ProposalId);
        Assert.DoesNotContain(ruInbox, p => p.Id == sent.ProposalId);

        var version = await app.QueryAsync(db => db.AgendaProposals.Where(p => p.Id == sent.ProposalId).Select(p => p.Version).SingleAsync());
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("ru.secretary", new AcceptProposal.Command { ProposalId = sent.ProposalId, Version = version }));
        Assert.Equal("KZRU-06", refused.RuleId);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("ru.secretary", new DeclineProposal.Command { ProposalId = sent.ProposalId, Version = version, Reason = "no" }));
        Assert.Equal(ProposalStatus.Submitted, await app.QueryAsync(db => db.AgendaProposals.Where(p => p.Id == sent.ProposalId).Select(p => p.Status).SingleAsync()));

        await app.SendAsAsync("kz.secretary", new AcceptProposal.Command { ProposalId = sent.ProposalId, Version = version, DecisionKind = DecisionKind.ProgrammeApprovalOrChange });
        var item = await app.QueryAsync(db => db.AgendaItems.SingleAsync(i => i.SessionId == sessionId));
        Assert.Equal(sent.ProposalId, item.ProposalId);
        Assert.False(item.IsUnscheduled);
        var mine = await app.SendAsAsync("kz.member", new ListMyProposals.Query());
        Assert.Equal(ProposalStatus.Accepted, Assert.Single(mine).Status);
    }

    [Fact]
    public async Task Declined_proposal_shows_the_member_the_reason_WF_02()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 12);
        var sent = await app.SendAsAsync("ru.member", Proposal(sessionId));
        var version = await app.QueryAsync(db => db.AgendaProposals.Where(p => p.Id == sent.ProposalId).Select(p => p.Version).SingleAsync());

        var noReason = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("ru.secretary", new DeclineProposal.Command { ProposalId = sent.ProposalId, Version = version, Reason = " " }));
        Assert.Contains(nameof(DeclineProposal.Command.Reason), noReason.Errors.Keys);

        await app.SendAsAsync("ru.secretary", new DeclineProposal.Command { ProposalId = sent.ProposalId, Version = version, Reason = "Вопрос рассмотрен на сессии 1." });
        var mine = Assert.Single(await app.SendAsAsync("ru.member", new ListMyProposals.Query()));
        Assert.Equal(ProposalStatus.Declined, mine.Status);
        Assert.Equal("Вопрос рассмотрен на сессии 1.", mine.DeclineReason);
        Assert.Empty(await app.SendAsAsync("ru.secretary", new ListInbox.Query()));
    }

    [Fact]
    public async Task Late_proposal_is_flagged_KZRU_12_and_stands_only_when_both_co_chairs_accept_it()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 9);
        var sent = await app.SendAsAsync("kz.member", Proposal(sessionId));
        Assert.True(sent.IsLate);
        Assert.True(sent.ReceivedAt > sent.DeadlineAt);

        var version = await app.QueryAsync(db => db.AgendaProposals.Where(p => p.Id == sent.ProposalId).Select(p => p.Version).SingleAsync());
        await app.SendAsAsync("kz.secretary", new AcceptProposal.Command { ProposalId = sent.ProposalId, Version = version });
        var item = await app.QueryAsync(db => db.AgendaItems.SingleAsync(i => i.SessionId == sessionId));
        Assert.True(item.IsUnscheduled);
        Assert.Equal(ProposalStatus.AcceptedAsUnscheduled, (await app.SendAsAsync("kz.member", new ListMyProposals.Query())).Single().Status);

        var rowVersion = await RowVersionAsync(app, sessionId);
        await app.SendAsAsync("kz.cochair", new AcceptUnscheduledItem.Command { SessionId = sessionId, Version = rowVersion, ItemId = item.Id });
        var view = await app.SendAsAsync("kz.secretary", new GetSession.Query(sessionId));
        var awaiting = Assert.Single(Assert.Single(view.Items).AwaitingAcceptance);
        Assert.Equal("RU", awaiting.SideCode);

        var twice = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", new AcceptUnscheduledItem.Command { SessionId = sessionId, ItemId = item.Id }));
        Assert.Equal("KZRU-12", twice.RuleId);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", new AcceptUnscheduledItem.Command { SessionId = sessionId, ItemId = item.Id }));

        await app.SendAsAsync("ru.cochair", new AcceptUnscheduledItem.Command { SessionId = sessionId, ItemId = item.Id });
        var acceptances = await app.QueryAsync(db => db.Set<UnscheduledAcceptance>().Where(a => a.AgendaItemId == item.Id).Select(a => a.SideId).ToListAsync());
        Assert.Equal(2, acceptances.Distinct().Count());
        view = await app.SendAsAsync("kz.secretary", new GetSession.Query(sessionId));
        Assert.Empty(Assert.Single(view.Items).AwaitingAcceptance);
        Assert.Equal(["KZ", "RU"], Assert.Single(view.Items).AcceptedBySides);
    }

    [Fact]
    public async Task Proposal_for_a_cancelled_session_is_refused_KZRU_06()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        await app.SendAsAsync("ru.secretary", new ChangeSessionState.Command { SessionId = sessionId, Version = await RowVersionAsync(app, sessionId), Step = SessionStep.Cancel, Reason = "Перенос по решению Правительств" });
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.member", Proposal(sessionId)));
        Assert.Equal("KZRU-06", refused.RuleId);
        Assert.Equal(0, await app.QueryAsync(db => db.AgendaProposals.CountAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("501")]
    public async Task Proposal_with_an_empty_or_over_long_title_is_refused_naming_the_field(string title)
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        var text = title == "501" ? new string('я', 501) : title;
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.member", Proposal(sessionId, text)));
        Assert.Contains(nameof(SubmitProposal.Command.TitleRu), refused.Errors.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.AgendaProposals.CountAsync()));
    }

    [Theory]
    [InlineData("kz.representative")]
    [InlineData("kz.secretary")]
    public async Task Representatives_and_secretaries_do_not_propose_KZRU_06_KZRU_15(string user)
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(user, Proposal(sessionId)));
        Assert.Equal("KZRU-06", refused.RuleId);
    }

    [Fact]
    public async Task Member_is_not_a_secretary_and_has_no_inbox()
    {
        await using var app = await TestApp.CreateAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new ListInbox.Query()));
    }

    [Fact]
    public async Task Proposal_title_is_stored_as_localized_text()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        var sent = await app.SendAsAsync("kz.member", new SubmitProposal.Command { SessionId = sessionId, TitleKk = "Бағдарлама туралы" });
        var title = await app.QueryAsync(db => db.AgendaProposals.Where(p => p.Id == sent.ProposalId).Select(p => p.Title).SingleAsync());
        Assert.Equal(LocalizedText.Of("Бағдарлама туралы", null), title);
    }
}
