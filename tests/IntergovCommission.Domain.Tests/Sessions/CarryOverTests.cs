using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Tests.Sessions;

/// <summary>KZRU-11 deferral of items not reached; KZRU-20 the expert group's proposal back on a later agenda.</summary>
public sealed class CarryOverTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly CoChairSeat Kz = new(Guid.NewGuid(), Guid.NewGuid(), "KZ");
    private static readonly CoChairSeat Ru = new(Guid.NewGuid(), Guid.NewGuid(), "RU");
    private static readonly ItemStanding NotReached = new(Voted: false, VoteOpen: false, Adopted: false, Referred: false, Deferred: false);

    private static Session NewSession(Guid commissionId, int number, DateTimeOffset start) =>
        new(Guid.NewGuid(), commissionId, number, new SessionSetting(SessionKind.Regular, SessionFormat.InPerson, "Astana", null, start, "Asia/Almaty"), Now);

    private static AgendaItemContent Content(string title) =>
        new(LocalizedText.Of(null, title), "Касымов Н.", DecisionKind.ProgrammeApprovalOrChange, LocalizedText.Of(null, "Одобрить."));

    /// <summary>Session 1 with one item, approved by both co-chairs and started.</summary>
    private static (Session Session, AgendaItem Item) Held(Guid commissionId)
    {
        var session = NewSession(commissionId, 1, Now.AddDays(10));
        var item = session.AddItem(Guid.NewGuid(), Content("График пусков"));
        session.SendForApproval();
        session.Approve(Guid.NewGuid(), Kz, session.AgendaVersion, [Kz, Ru], true, Now);
        session.Approve(Guid.NewGuid(), Ru, session.AgendaVersion, [Kz, Ru], true, Now);
        session.Start(session.StartsAt);
        return (session, item);
    }

    [Fact]
    public void Deferred_item_is_carried_with_its_title_kind_draft_and_rapporteurs_and_links_back_KZRU_11()
    {
        var commission = Guid.NewGuid();
        var (held, item) = Held(commission);
        var next = NewSession(commission, 2, Now.AddDays(40));
        var version = next.AgendaVersion;

        held.DeferItem(item.Id, NotReached, Guid.NewGuid(), Now);
        var carried = CarryOver.CarryDeferred(held, item, next, Guid.NewGuid());

        Assert.True(item.IsDeferred);
        Assert.Equal(item.Content, carried.Content);
        Assert.Equal(item.Id, carried.CarriedFromItemId);
        Assert.Equal(AgendaCarry.Deferred, carried.CarryReason);
        Assert.False(carried.IsUnscheduled);
        Assert.Equal(version + 1, next.AgendaVersion);
    }

    [Theory]
    [InlineData(true, false, false, false, "KZRU-17", "Agenda.Rule.Defer.Voted")]
    [InlineData(false, true, false, false, "KZRU-17", "Agenda.Rule.Defer.Voted")]
    [InlineData(false, false, true, false, "KZRU-20", "Agenda.Rule.Defer.Referred")]
    [InlineData(false, false, false, true, "KZRU-11", "Agenda.Rule.Defer.Already")]
    public void Item_that_was_voted_on_referred_or_deferred_is_not_deferred(bool voted, bool voteOpen, bool referred, bool deferred, string rule, string key)
    {
        var (held, item) = Held(Guid.NewGuid());
        var ex = Assert.Throws<RuleViolationException>(() => held.DeferItem(item.Id, new ItemStanding(voted, voteOpen, false, referred, deferred), Guid.NewGuid(), Now));
        Assert.Equal(rule, ex.RuleId);
        Assert.Equal(key, ex.Key);
        Assert.False(item.IsDeferred);
    }

    [Fact]
    public void Item_of_a_session_not_yet_held_is_not_deferred_KZRU_11()
    {
        var session = NewSession(Guid.NewGuid(), 1, Now.AddDays(10));
        var item = session.AddItem(Guid.NewGuid(), Content("Вопрос"));
        var ex = Assert.Throws<RuleViolationException>(() => session.DeferItem(item.Id, NotReached, Guid.NewGuid(), Now));
        Assert.Equal("Agenda.Rule.Defer.NotHeld", ex.Key);
    }

    [Fact]
    public void Item_of_a_closed_session_is_deferred_after_it_KZRU_11()
    {
        var (held, item) = Held(Guid.NewGuid());
        held.Close();
        held.DeferItem(item.Id, NotReached, Guid.NewGuid(), Now);
        Assert.True(item.IsDeferred);
    }

    [Fact]
    public void Only_a_later_session_of_the_same_commission_with_its_agenda_in_preparation_receives_an_item_KZRU_11()
    {
        var commission = Guid.NewGuid();
        var (held, _) = Held(commission);

        var other = NewSession(Guid.NewGuid(), 2, Now.AddDays(40));
        Assert.Equal("Agenda.Rule.Carry.OtherCommission", Assert.Throws<RuleViolationException>(() => CarryOver.RequireReceiving(held, other)).Key);

        var earlier = NewSession(commission, 2, Now.AddDays(5));
        Assert.Equal("Agenda.Rule.Carry.NotLater", Assert.Throws<RuleViolationException>(() => CarryOver.RequireReceiving(held, earlier)).Key);
        Assert.Equal("Agenda.Rule.Carry.NotLater", Assert.Throws<RuleViolationException>(() => CarryOver.RequireReceiving(held, held)).Key);

        var approved = NewSession(commission, 3, Now.AddDays(40));
        approved.AddItem(Guid.NewGuid(), Content("Другой вопрос"));
        approved.SendForApproval();
        approved.Approve(Guid.NewGuid(), Kz, approved.AgendaVersion, [Kz, Ru], true, Now);
        approved.Approve(Guid.NewGuid(), Ru, approved.AgendaVersion, [Kz, Ru], true, Now);
        var fixedAgenda = Assert.Throws<RuleViolationException>(() => CarryOver.RequireReceiving(held, approved));
        Assert.Equal("KZRU-11", fixedAgenda.RuleId);
        Assert.Equal("Agenda.Rule.Carry.AgendaFixed", fixedAgenda.Key);

        // Under approval the agenda is still in preparation: it receives the item (and a new version clears the approvals).
        var underApproval = NewSession(commission, 4, Now.AddDays(50));
        underApproval.AddItem(Guid.NewGuid(), Content("Ещё вопрос"));
        underApproval.SendForApproval();
        CarryOver.RequireReceiving(held, underApproval);
    }

    [Fact]
    public void Expert_group_proposal_becomes_the_draft_decision_of_a_linked_item_on_the_later_agenda_KZRU_20()
    {
        var commission = Guid.NewGuid();
        var (held, item) = Held(commission);
        var next = NewSession(commission, 2, Now.AddDays(40));
        var referral = new ExpertGroupReferral(Guid.NewGuid(), held.Id, item.Id, "Согласовать график", new DateOnly(2026, 4, 1), [Guid.NewGuid()], Guid.NewGuid(), Now);

        var back = referral.ReturnTo(held, item, next, Guid.NewGuid(), LocalizedText.Of("Топ ұсынысы", "Предложение группы"), LocalizedText.Empty, Guid.NewGuid(), Now);

        Assert.Equal(ReferralState.Proposed, referral.State);
        Assert.Equal("Предложение группы", back.DraftDecision.Ru);
        Assert.Equal("Топ ұсынысы", back.DraftDecision.Kk);
        Assert.Equal(item.Title, back.Title);
        Assert.Equal(item.Id, back.CarriedFromItemId);
        Assert.Equal(referral.Id, back.ReferralId);
        Assert.Equal(AgendaCarry.ReturnedFromExpertGroup, back.CarryReason);

        var again = Assert.Throws<RuleViolationException>(() => referral.ReturnTo(held, item, next, Guid.NewGuid(), LocalizedText.Of(null, "Ещё раз"), LocalizedText.Empty, Guid.NewGuid(), Now));
        Assert.Equal("Rule.Expert.AlreadyReturned", again.Key);
    }

    [Fact]
    public void Expert_group_draft_decision_when_given_is_the_items_draft_and_an_empty_proposal_is_refused_KZRU_20()
    {
        var commission = Guid.NewGuid();
        var (held, item) = Held(commission);
        var next = NewSession(commission, 2, Now.AddDays(40));
        var referral = new ExpertGroupReferral(Guid.NewGuid(), held.Id, item.Id, "Согласовать график", new DateOnly(2026, 4, 1), [Guid.NewGuid()], Guid.NewGuid(), Now);

        var empty = Assert.Throws<RuleViolationException>(() => referral.ReturnTo(held, item, next, Guid.NewGuid(), LocalizedText.Empty, LocalizedText.Empty, Guid.NewGuid(), Now));
        Assert.Equal("Rule.Expert.ProposalRequired", empty.Key);
        Assert.Equal(ReferralState.Open, referral.State);

        var back = referral.ReturnTo(held, item, next, Guid.NewGuid(), LocalizedText.Of(null, "Предложение"), LocalizedText.Of(null, "Утвердить график пусков."), Guid.NewGuid(), Now);
        Assert.Equal("Утвердить график пусков.", back.DraftDecision.Ru);
        Assert.Equal("Предложение", referral.Proposal.Ru);
    }

    [Theory]
    [InlineData(true, false, false, false, "Rule.Expert.Adopted")]
    [InlineData(false, true, false, false, "Rule.Expert.VoteOpen")]
    [InlineData(false, false, true, false, "Rule.Expert.Already")]
    [InlineData(false, false, false, true, "Rule.Expert.Deferred")]
    public void Item_is_referred_only_without_an_adopted_decision_an_open_vote_an_earlier_referral_or_a_deferral_KZRU_20(bool adopted, bool voteOpen, bool referred, bool deferred, string key)
    {
        var ex = Assert.Throws<RuleViolationException>(() => ExpertGroupReferral.RequireMayRefer(1, new ItemStanding(adopted, voteOpen, adopted, referred, deferred)));
        Assert.Equal("KZRU-20", ex.RuleId);
        Assert.Equal(key, ex.Key);
        // A rejected item (voted, not adopted) may still be referred.
        ExpertGroupReferral.RequireMayRefer(1, new ItemStanding(Voted: true, VoteOpen: false, Adopted: false, Referred: false, Deferred: false));
    }
}
