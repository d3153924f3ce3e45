using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.IntegrationTests.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Live;

/// <summary>
/// Issue 4, the rest of the live session: the co-chairs refer an item to an expert group (KZRU-20),
/// the group's proposal comes back on a later session's draft agenda, and items not reached are
/// deferred to the next session (KZRU-11). Through the real pipeline on PostgreSQL.
/// </summary>
public sealed class CarryOverTests
{
    private const string Task = "Согласовать график пусков и предложить согласованный проект решения.";

    /// <summary>Session (12 days out) with one approved item, started, everyone present: the co-chairs preside.</summary>
    private static async Task<(Guid SessionId, Guid ItemId)> HeldAsync(TestApp app, bool everyonePresent = true)
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app, "График пусков");
        if (everyonePresent)
        {
            await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        }

        return (sessionId, itemId);
    }

    private static async Task<List<Guid>> ExpertsAsync(TestApp app) =>
        [.. (await LiveScenario.RosterAsync(app)).Where(r => r.UserName is "kz.member" or "ru.member").Select(r => r.MembershipId)];

    private static async Task<ReferToExpertGroup.Command> ReferralAsync(TestApp app, Guid sessionId, Guid itemId) => new()
    {
        SessionId = sessionId,
        AgendaItemId = itemId,
        Task = Task,
        Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
        MemberIds = await ExpertsAsync(app),
    };

    private static async Task<Guid> NextSessionAsync(TestApp app, double days = 40) => await SessionSteps.CreateSessionAsync(app, days);

    private static Task<int> ItemCountAsync(TestApp app, Guid sessionId) => app.QueryAsync(db => db.AgendaItems.CountAsync(i => i.SessionId == sessionId));

    [Fact]
    public async Task Referral_is_refused_to_a_member_and_to_a_co_chair_who_is_not_presiding_KZRU_20()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await HeldAsync(app, everyonePresent: false);
        var command = await ReferralAsync(app, sessionId, itemId);

        var member = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", command));
        Assert.Equal("KZRU-20", member.RuleId);
        // The KZ co-chair has not checked in: absent, not presiding (KZRU-10).
        var absent = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", command));
        Assert.Equal("KZRU-20", absent.RuleId);
        Assert.Equal("Rule.Expert.NotPresiding", absent.Key);
        Assert.Equal(0, await app.QueryAsync(db => db.ExpertGroupReferrals.CountAsync()));

        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        await app.SendAsAsync("ru.cochair", command);
        var live = await app.SendAsAsync("kz.member", new GetLiveSession.Query(sessionId));
        var referral = Assert.Single(live.Items.Single().Referrals);
        Assert.Equal(Task, referral.Task);
        Assert.Equal(2, referral.Members.Count(m => !m.IsEmpty));
        Assert.False(live.Items.Single().MayBeReferred);
    }

    [Fact]
    public async Task Item_is_referred_once_and_not_while_its_vote_is_open_or_once_adopted_and_a_referred_item_is_not_voted_KZRU_20()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await HeldAsync(app);
        var command = await ReferralAsync(app, sessionId, itemId);

        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var open = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", command));
        Assert.Equal(("KZRU-20", "Rule.Expert.VoteOpen"), (open.RuleId, open.Key));

        // Every voter present votes for: adopted.
        foreach (var r in (await LiveScenario.RosterAsync(app)).Where(r => r.Role != CommissionRole.Representative))
        {
            if (r.UserName is not null)
            {
                await app.SendAsAsync(r.UserName, new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
            }
            else
            {
                await LiveScenario.RecordVoteAsync(app, ballotId, r.MembershipId, VoteChoice.For);
            }
        }

        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        var adopted = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("ru.cochair", command));
        Assert.Equal(("KZRU-20", "Rule.Expert.Adopted"), (adopted.RuleId, adopted.Key));
        Assert.Equal(0, await app.QueryAsync(db => db.ExpertGroupReferrals.CountAsync()));

        // A second item, put to the vote and not adopted, is referred; once, and its vote does not reopen.
        var (other, otherItem) = await HeldAsync(app);
        var rejected = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(other, otherItem));
        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(rejected, ConfirmMissingVotes: true));
        var referOther = await ReferralAsync(app, other, otherItem);
        await app.SendAsAsync("kz.cochair", referOther);
        var twice = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("ru.cochair", referOther));
        Assert.Equal(("KZRU-20", "Rule.Expert.Already"), (twice.RuleId, twice.Key));
        var vote = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", new OpenBallot.Command(other, otherItem)));
        Assert.Equal("KZRU-20", vote.RuleId);
        Assert.Equal(1, await app.QueryAsync(db => db.ExpertGroupReferrals.CountAsync()));
    }

    [Fact]
    public async Task Referral_with_no_members_a_past_deadline_or_someone_outside_the_commission_is_refused_naming_the_field()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await HeldAsync(app);
        var command = await ReferralAsync(app, sessionId, itemId);

        var none = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.cochair", new ReferToExpertGroup.Command { SessionId = sessionId, AgendaItemId = itemId, Task = Task, Deadline = command.Deadline }));
        Assert.Contains(nameof(ReferToExpertGroup.Command.MemberIds), none.Errors.Keys);
        var past = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.cochair", new ReferToExpertGroup.Command { SessionId = sessionId, AgendaItemId = itemId, Task = Task, Deadline = DateOnly.FromDateTime(DateTime.UtcNow), MemberIds = command.MemberIds }));
        Assert.Contains(nameof(ReferToExpertGroup.Command.Deadline), past.Errors.Keys);
        var representative = (await LiveScenario.RosterAsync(app)).First(r => r.Role == CommissionRole.Representative).MembershipId;
        var outsider = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.cochair", new ReferToExpertGroup.Command { SessionId = sessionId, AgendaItemId = itemId, Task = Task, Deadline = command.Deadline, MemberIds = [representative, Guid.NewGuid()] }));
        Assert.Contains(nameof(ReferToExpertGroup.Command.MemberIds), outsider.Errors.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.ExpertGroupReferrals.CountAsync()));
    }

    [Fact]
    public async Task Group_proposal_comes_back_on_a_later_session_in_preparation_linked_to_the_referral_KZRU_20()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await HeldAsync(app);
        var referralId = await app.SendAsAsync("kz.cochair", await ReferralAsync(app, sessionId, itemId));
        await app.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = sessionId, Version = await SessionSteps.RowVersionAsync(app, sessionId), Step = SessionStep.Close });
        var next = await NextSessionAsync(app);
        var nextVersion = await SessionSteps.AgendaVersionAsync(app, next);
        var number = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Number).SingleAsync());

        var page = await app.SendAsAsync("ru.secretary", new GetReferral.Query(referralId));
        Assert.True(page.CanRecord);
        Assert.Equal(next, Assert.Single(page.Sessions).Id);

        var itemBack = await app.SendAsAsync("ru.secretary", new ReturnFromExpertGroup.Command
        {
            ReferralId = referralId,
            TargetSessionId = next,
            ProposalRu = "Группа предлагает перенести пуск на II квартал.",
            ProposalKk = "Топ ұшыруды II тоқсанға ауыстыруды ұсынады.",
        });

        // The later session's draft agenda has the item, linked back, with the proposal as the draft decision.
        var later = await app.SendAsAsync("kz.cochair", new GetSession.Query(next));
        var item = Assert.Single(later.Items);
        Assert.Equal(itemBack, item.Id);
        Assert.Equal("График пусков", item.Title.Ru);
        Assert.Equal("Группа предлагает перенести пуск на II квартал.", item.DraftDecision.Ru);
        Assert.Equal("Топ ұшыруды II тоқсанға ауыстыруды ұсынады.", item.DraftDecision.Kk);
        Assert.Equal(AgendaCarry.ReturnedFromExpertGroup, item.History.CarryReason);
        Assert.Equal(new ItemPlace(sessionId, number, 1), item.History.CarriedFrom);
        Assert.Equal(nextVersion + 1, later.AgendaVersion);
        // The original item shows where it went.
        var original = Assert.Single((await app.SendAsAsync("kz.member", new GetSession.Query(sessionId))).Items);
        Assert.Equal(ReferralState.Proposed, original.History.Referral!.State);
        Assert.Equal(new ItemPlace(next, number + 1, 1), original.History.Referral.ReturnedTo);
        // Co-chairs and secretaries of both sides are told.
        var told = await app.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == "expert-proposal-returned"));
        Assert.Equal(4, told);

        var again = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", new ReturnFromExpertGroup.Command { ReferralId = referralId, TargetSessionId = next, ProposalRu = "Ещё раз" }));
        Assert.Equal(("KZRU-20", "Rule.Expert.AlreadyReturned"), (again.RuleId, again.Key));
        Assert.Equal(1, await ItemCountAsync(app, next));
    }

    [Fact]
    public async Task Group_proposal_is_refused_for_members_for_an_approved_agenda_and_for_a_session_that_is_not_later_KZRU_11_KZRU_20()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await HeldAsync(app);
        var referralId = await app.SendAsAsync("kz.cochair", await ReferralAsync(app, sessionId, itemId));
        var earlier = await SessionSteps.CreateSessionAsync(app, 5);
        // The held session was opened early (rescheduled to today); the "earlier" one is dated before it.
        await app.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE sessions SET starts_at = (SELECT starts_at FROM sessions WHERE id = {sessionId}) - interval '1 day' WHERE id = {earlier}"));
        var approved = await NextSessionAsync(app, 40);
        await SessionSteps.AddItemAsync(app, approved, "Другой вопрос");
        await SessionSteps.SendForApprovalAsync(app, approved);
        await SessionSteps.ApproveAsync(app, approved, "kz.cochair");
        await SessionSteps.ApproveAsync(app, approved, "ru.cochair");
        ReturnFromExpertGroup.Command To(Guid target) => new() { ReferralId = referralId, TargetSessionId = target, ProposalRu = "Предложение группы." };

        var member = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", To(approved)));
        Assert.Equal("KZRU-20", member.RuleId);
        var fixedAgenda = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", To(approved)));
        Assert.Equal(("KZRU-11", "Agenda.Rule.Carry.AgendaFixed"), (fixedAgenda.RuleId, fixedAgenda.Key));
        var notLater = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", To(earlier)));
        Assert.Equal(("KZRU-11", "Agenda.Rule.Carry.NotLater"), (notLater.RuleId, notLater.Key));
        var itself = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", To(sessionId)));
        Assert.Equal("KZRU-11", itself.RuleId);
        var empty = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.secretary", new ReturnFromExpertGroup.Command { ReferralId = referralId, TargetSessionId = earlier }));
        Assert.Contains(nameof(ReturnFromExpertGroup.Command.ProposalRu), empty.Errors.Keys);

        // Nothing half-saved: the referral is still open and no agenda got an item.
        Assert.Equal(ReferralState.Open, await app.QueryAsync(db => db.ExpertGroupReferrals.Where(r => r.Id == referralId).Select(r => r.State).SingleAsync()));
        Assert.Equal(0, await ItemCountAsync(app, earlier));
        Assert.Equal(1, await ItemCountAsync(app, approved));
        Assert.Empty((await app.SendAsAsync("kz.secretary", new GetReferral.Query(referralId))).Sessions);
    }

    [Fact]
    public async Task Opening_the_vote_deferring_and_referring_the_same_item_at_once_lets_exactly_one_through_KZRU_11_KZRU_17_KZRU_20()
    {
        // The presiding co-chairs and a secretary act on the same item at the same moment, several
        // times over: each time one of the three is done and the other two are refused by the rule
        // that the first one's outcome triggers. Never a deferred or referred item with a vote open.
        await using var app = await TestApp.CreateAsync();
        for (var round = 0; round < 6; round++)
        {
            var (sessionId, itemId) = await HeldAsync(app);
            var referral = await ReferralAsync(app, sessionId, itemId);
            var outcomes = await System.Threading.Tasks.Task.WhenAll(
                OutcomeAsync(() => app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId))),
                OutcomeAsync(() => app.SendAsAsync("kz.secretary", new DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId })),
                OutcomeAsync(() => app.SendAsAsync("ru.cochair", referral)));

            Assert.Equal(1, outcomes.Count(o => o is null));
            Assert.All(outcomes.Where(o => o is not null), o => Assert.Contains(Assert.IsType<RuleViolationException>(o).RuleId, new[] { "KZRU-11", "KZRU-17", "KZRU-20" }));
            var ballots = await app.QueryAsync(db => db.Ballots.CountAsync(b => b.AgendaItemId == itemId));
            var deferred = await app.QueryAsync(db => db.AgendaItems.CountAsync(i => i.Id == itemId && i.DeferredAt != null));
            var referrals = await app.QueryAsync(db => db.ExpertGroupReferrals.CountAsync(r => r.AgendaItemId == itemId));
            Assert.Equal(1, ballots + deferred + referrals);
        }
    }

    private static async Task<Exception?> OutcomeAsync(Func<Task> act)
    {
        try
        {
            await act();
            return null;
        }
        catch (Exception ex) when (ex is RuleViolationException or ConflictException)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Deferred_item_waits_and_enters_the_draft_agenda_of_the_next_session_created_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await HeldAsync(app);
        var number = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Number).SingleAsync());

        var result = await app.SendAsAsync("kz.cochair", new DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId });
        Assert.Null(result.CarriedTo);
        var live = await app.SendAsAsync("kz.member", new GetLiveSession.Query(sessionId));
        Assert.True(live.Items.Single().History.IsDeferred);
        Assert.False(live.Items.Single().MayBeDeferred);
        Assert.Equal(2, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == "item-deferred")));

        var next = await NextSessionAsync(app);
        var later = await app.SendAsAsync("kz.secretary", new GetSession.Query(next));
        var carried = Assert.Single(later.Items);
        Assert.Equal("График пусков", carried.Title.Ru);
        Assert.Equal("Касымов Н.", carried.Rapporteurs);
        Assert.Equal(Domain.Regulation.DecisionKind.ProgrammeApprovalOrChange, carried.DecisionKind);
        Assert.Equal("Одобрить.", carried.DraftDecision.Ru);
        Assert.False(carried.IsUnscheduled);
        Assert.Equal(AgendaCarry.Deferred, carried.History.CarryReason);
        Assert.Equal(new ItemPlace(sessionId, number, 1), carried.History.CarriedFrom);
        var original = Assert.Single((await app.SendAsAsync("kz.secretary", new GetSession.Query(sessionId))).Items);
        Assert.Equal(new ItemPlace(next, number + 1, 1), original.History.DeferredTo);

        // It is carried once: the session after that does not get it again.
        var third = await NextSessionAsync(app, 70);
        Assert.Equal(0, await ItemCountAsync(app, third));
        var twice = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId }));
        Assert.Equal(("KZRU-11", "Agenda.Rule.Defer.Already"), (twice.RuleId, twice.Key));
    }

    [Fact]
    public async Task Deferred_item_goes_at_once_onto_the_next_session_in_preparation_after_the_session_closed_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await HeldAsync(app);
        // The next session by date with its agenda approved is passed over; the one after it, in draft, receives the item.
        var approved = await NextSessionAsync(app, 30);
        await SessionSteps.AddItemAsync(app, approved, "Другой вопрос");
        await SessionSteps.SendForApprovalAsync(app, approved);
        await SessionSteps.ApproveAsync(app, approved, "kz.cochair");
        await SessionSteps.ApproveAsync(app, approved, "ru.cochair");
        var draft = await NextSessionAsync(app, 60);
        var draftNumber = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == draft).Select(s => s.Number).SingleAsync());
        await app.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = sessionId, Version = await SessionSteps.RowVersionAsync(app, sessionId), Step = SessionStep.Close });

        var result = await app.SendAsAsync("ru.secretary", new DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId });

        Assert.Equal(new ItemPlace(draft, draftNumber, 1), result.CarriedTo);
        Assert.Equal(1, await ItemCountAsync(app, approved));
        var carried = Assert.Single((await app.SendAsAsync("kz.secretary", new GetSession.Query(draft))).Items);
        Assert.Equal(AgendaCarry.Deferred, carried.History.CarryReason);
    }

    [Fact]
    public async Task Item_put_to_the_vote_or_referred_is_not_deferred_and_only_the_presiding_co_chair_or_a_secretary_defers_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await HeldAsync(app);
        await SessionSteps.AddItemAsync(app, await NextSessionAsync(app), "Вопрос следующего заседания");

        var member = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId }));
        Assert.Equal("KZRU-11", member.RuleId);
        // The KZ deputy is present, but the KZ co-chair presides (KZRU-10).
        var deputy = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.deputy", new DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId }));
        Assert.Equal("KZRU-10", deputy.RuleId);

        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var open = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", new DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId }));
        Assert.Equal("KZRU-17", open.RuleId);
        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        var voted = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId }));
        Assert.Equal(("KZRU-17", "Agenda.Rule.Defer.Voted"), (voted.RuleId, voted.Key));

        var (other, otherItem) = await HeldAsync(app);
        await app.SendAsAsync("ru.cochair", await ReferralAsync(app, other, otherItem));
        var referred = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new DeferAgendaItem.Command { SessionId = other, AgendaItemId = otherItem }));
        Assert.Equal(("KZRU-20", "Agenda.Rule.Defer.Referred"), (referred.RuleId, referred.Key));

        Assert.Equal(0, await app.QueryAsync(db => db.AgendaItems.CountAsync(i => i.DeferredAt != null || i.CarriedFromItemId != null)));
    }

    [Fact]
    public async Task Carried_item_taken_off_a_draft_agenda_goes_back_a_deferred_one_waits_and_the_groups_proposal_can_go_elsewhere()
    {
        await using var app = await TestApp.CreateAsync();
        var (referredSession, referredItem) = await HeldAsync(app);
        var referralId = await app.SendAsAsync("kz.cochair", await ReferralAsync(app, referredSession, referredItem));
        var (deferredSession, deferredItem) = await HeldAsync(app);
        var next = await NextSessionAsync(app);
        await app.SendAsAsync("kz.secretary", new ReturnFromExpertGroup.Command { ReferralId = referralId, TargetSessionId = next, ProposalRu = "Предложение группы." });
        var carried = await app.SendAsAsync("kz.secretary", new DeferAgendaItem.Command { SessionId = deferredSession, AgendaItemId = deferredItem });
        Assert.Equal(next, carried.CarriedTo!.SessionId);
        Assert.Equal(2, await ItemCountAsync(app, next));

        foreach (var id in await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == next).Select(i => i.Id).ToListAsync()))
        {
            await app.SendAsAsync("kz.secretary", new RemoveAgendaItem.Command { SessionId = next, ItemId = id, Version = await SessionSteps.RowVersionAsync(app, next) });
        }

        var referral = await app.SendAsAsync("ru.secretary", new GetReferral.Query(referralId));
        Assert.True(referral.CanRecord);
        Assert.Equal(ReferralState.Open, referral.Referral.State);
        Assert.Null(referral.Referral.ReturnedTo);
        Assert.Equal("Предложение группы.", referral.Referral.Proposal.Ru);
        var deferred = Assert.Single((await app.SendAsAsync("kz.secretary", new GetSession.Query(deferredSession))).Items);
        Assert.True(deferred.History.IsDeferred);
        Assert.Null(deferred.History.DeferredTo);

        // The next session created receives the deferred item again; the group's proposal goes onto it too.
        var after = await NextSessionAsync(app, 70);
        Assert.Equal(1, await ItemCountAsync(app, after));
        await app.SendAsAsync("ru.secretary", new ReturnFromExpertGroup.Command { ReferralId = referralId, TargetSessionId = after, ProposalRu = "Уточнённое предложение группы." });
        Assert.Equal(2, await ItemCountAsync(app, after));
        Assert.Equal(ReferralState.Proposed, await app.QueryAsync(db => db.ExpertGroupReferrals.Where(r => r.Id == referralId).Select(r => r.State).SingleAsync()));
    }
}
