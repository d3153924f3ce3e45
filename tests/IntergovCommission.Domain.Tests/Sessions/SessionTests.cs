using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;

namespace IntergovCommission.Domain.Tests.Sessions;

public sealed class SessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly CoChairSeat Kz = new(Guid.NewGuid(), Guid.NewGuid(), "KZ");
    private static readonly CoChairSeat Ru = new(Guid.NewGuid(), Guid.NewGuid(), "RU");
    private static readonly CoChairSeat[] Both = [Kz, Ru];

    internal static Session NewSession(DateTimeOffset now, DateTimeOffset start, SessionFormat format = SessionFormat.InPerson, string? place = "Astana", string? link = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), 1, new SessionSetting(SessionKind.Regular, format, place, link, start, "Asia/Almaty"), now);

    private static AgendaItemContent Item(string title) => new(LocalizedText.Of(null, title), "Rapporteur", DecisionKind.Other, LocalizedText.Empty);

    private static Session WithAgendaSent()
    {
        var session = NewSession(Now, Now.AddDays(30));
        session.AddItem(Guid.NewGuid(), Item("Programme"));
        session.SendForApproval();
        return session;
    }

    [Fact]
    public void New_session_in_the_past_is_refused_KZRU_09()
    {
        var ex = Assert.Throws<RuleViolationException>(() => NewSession(Now, Now.AddMinutes(-1)));
        Assert.Equal("KZRU-09", ex.RuleId);
    }

    [Theory]
    [InlineData(SessionFormat.InPerson, null, null, "Sessions.Rule.PlaceRequired")]
    [InlineData(SessionFormat.Video, null, null, "Sessions.Rule.LinkRequired")]
    [InlineData(SessionFormat.Mixed, "Astana", null, "Sessions.Rule.LinkRequired")]
    [InlineData(SessionFormat.Mixed, null, "https://vc.example/1", "Sessions.Rule.PlaceRequired")]
    public void Format_requires_a_place_or_a_link_KZRU_09(SessionFormat format, string? place, string? link, string key)
    {
        var ex = Assert.Throws<RuleViolationException>(() => NewSession(Now, Now.AddDays(5), format, place, link));
        Assert.Equal(key, ex.Key);
        Assert.Equal("KZRU-09", ex.RuleId);
    }

    [Fact]
    public void Agenda_is_approved_and_published_only_when_both_co_chairs_approve_the_same_version_KZRU_11()
    {
        var session = WithAgendaSent();
        session.Approve(Guid.NewGuid(), Kz, session.AgendaVersion, Both, true, Now);
        Assert.Equal(SessionState.AgendaUnderApproval, session.State);
        Assert.Equal([Ru], session.Awaiting(Both, true));

        session.Approve(Guid.NewGuid(), Ru, session.AgendaVersion, Both, true, Now.AddHours(1));
        Assert.Equal(SessionState.AgendaApproved, session.State);
        Assert.Equal(Now.AddHours(1), session.PublishedAt);
    }

    [Fact]
    public void Change_after_an_approval_makes_a_new_version_and_clears_the_approvals_KZRU_11()
    {
        var session = WithAgendaSent();
        var first = session.AgendaVersion;
        session.Approve(Guid.NewGuid(), Kz, first, Both, true, Now);
        session.AddItem(Guid.NewGuid(), Item("Second"));

        Assert.Equal(first + 1, session.AgendaVersion);
        Assert.Equal(session.AgendaVersion, session.SentVersion);
        Assert.Empty(session.CurrentApprovals);
        Assert.Equal(Both, session.Awaiting(Both, true));

        // The RU co-chair approving the old version they saw is refused; both must approve the new one.
        var stale = Assert.Throws<RuleViolationException>(() => session.Approve(Guid.NewGuid(), Ru, first, Both, true, Now));
        Assert.Equal("KZRU-11", stale.RuleId);
        session.Approve(Guid.NewGuid(), Ru, session.AgendaVersion, Both, true, Now);
        Assert.Equal(SessionState.AgendaUnderApproval, session.State);
        session.Approve(Guid.NewGuid(), Kz, session.AgendaVersion, Both, true, Now);
        Assert.Equal(SessionState.AgendaApproved, session.State);
    }

    [Fact]
    public void Returned_agenda_goes_back_to_draft_with_the_comment_KZRU_11()
    {
        var session = WithAgendaSent();
        session.Return(Guid.NewGuid(), Ru, session.AgendaVersion, Both, "Add the launch schedule", Now);
        Assert.Equal(SessionState.Draft, session.State);
        Assert.Equal("Add the launch schedule", session.LatestReturn?.Comment);
        Assert.Equal(Ru.PersonId, session.LatestReturn?.PersonId);
    }

    [Fact]
    public void Return_without_a_comment_is_refused_WF_02()
    {
        var session = WithAgendaSent();
        Assert.Equal("WF-02", Assert.Throws<RuleViolationException>(() => session.Return(Guid.NewGuid(), Kz, session.AgendaVersion, Both, " ", Now)).RuleId);
        Assert.Equal(SessionState.AgendaUnderApproval, session.State);
    }

    [Fact]
    public void Same_co_chair_cannot_approve_one_version_twice_KZRU_11()
    {
        var session = WithAgendaSent();
        session.Approve(Guid.NewGuid(), Kz, session.AgendaVersion, Both, true, Now);
        Assert.Throws<RuleViolationException>(() => session.Approve(Guid.NewGuid(), Kz, session.AgendaVersion, Both, true, Now));
        Assert.Equal(SessionState.AgendaUnderApproval, session.State);
    }

    [Fact]
    public void Someone_who_is_not_a_co_chair_cannot_approve_KZRU_04()
    {
        var session = WithAgendaSent();
        var stranger = new CoChairSeat(Guid.NewGuid(), Kz.SideId, "KZ");
        Assert.Equal("KZRU-04", Assert.Throws<RuleViolationException>(() => session.Approve(Guid.NewGuid(), stranger, session.AgendaVersion, Both, true, Now)).RuleId);
    }

    [Fact]
    public void Approved_agenda_is_fixed_but_takes_an_unscheduled_item_that_both_co_chairs_accept_KZRU_11_KZRU_12()
    {
        var session = WithAgendaSent();
        session.Approve(Guid.NewGuid(), Kz, session.AgendaVersion, Both, true, Now);
        session.Approve(Guid.NewGuid(), Ru, session.AgendaVersion, Both, true, Now);
        Assert.Equal("KZRU-11", Assert.Throws<RuleViolationException>(() => session.AddItem(Guid.NewGuid(), Item("Late"))).RuleId);

        var item = session.AddUnscheduledItem(Guid.NewGuid(), Item("Late question"), null);
        Assert.False(item.IsAcceptedBy(Both, true));
        session.AcceptUnscheduled(Guid.NewGuid(), item.Id, Kz, Both, Now);
        Assert.False(item.IsAcceptedBy(Both, true));
        session.AcceptUnscheduled(Guid.NewGuid(), item.Id, Ru, Both, Now);
        Assert.True(item.IsAcceptedBy(Both, true));
        Assert.Equal(2, item.Acceptances.Count);
        Assert.Equal(SessionState.AgendaApproved, session.State);
    }

    [Fact]
    public void Reorder_moves_one_place_and_keeps_ids_stable()
    {
        var session = NewSession(Now, Now.AddDays(30));
        var a = session.AddItem(Guid.NewGuid(), Item("A"));
        var b = session.AddItem(Guid.NewGuid(), Item("B"));
        var c = session.AddItem(Guid.NewGuid(), Item("C"));
        var version = session.AgendaVersion;
        session.MoveItem(c.Id, -1);
        Assert.Equal([a.Id, c.Id, b.Id], session.Items.OrderBy(i => i.Position).Select(i => i.Id));
        Assert.Equal(version + 1, session.AgendaVersion);
        session.MoveItem(a.Id, -1); // already first: nothing changes
        Assert.Equal(version + 1, session.AgendaVersion);
    }

    [Fact]
    public void Removing_an_item_forgets_it_in_the_invitees_list_KZRU_14()
    {
        var session = NewSession(Now, Now.AddDays(30));
        var a = session.AddItem(Guid.NewGuid(), Item("A"));
        var b = session.AddItem(Guid.NewGuid(), Item("B"));
        var invitee = session.AddInvitee(Guid.NewGuid(), new InviteeContent("Ivanov", "TsENKI", null, "Ground segment", [a.Id, b.Id]));
        session.RemoveItem(a.Id);
        Assert.Equal([b.Id], invitee.ItemIds);
        Assert.Equal(1, b.Position);
    }

    [Fact]
    public void Invitee_for_an_item_not_on_the_agenda_is_refused_KZRU_14()
    {
        var session = NewSession(Now, Now.AddDays(30));
        Assert.Equal("KZRU-14", Assert.Throws<RuleViolationException>(() => session.AddInvitee(Guid.NewGuid(), new InviteeContent("Ivanov", "TsENKI", null, null, [Guid.NewGuid()]))).RuleId);
    }

    [Theory]
    [InlineData(SessionState.Draft, false)]
    [InlineData(SessionState.AgendaApproved, true)]
    public void Start_needs_an_approved_agenda_KZRU_11(SessionState state, bool allowed)
    {
        var session = WithAgendaSent();
        if (state == SessionState.AgendaApproved)
        {
            session.Approve(Guid.NewGuid(), Kz, session.AgendaVersion, Both, true, Now);
            session.Approve(Guid.NewGuid(), Ru, session.AgendaVersion, Both, true, Now);
        }
        else
        {
            session.Return(Guid.NewGuid(), Kz, session.AgendaVersion, Both, "no", Now);
        }

        if (allowed)
        {
            session.Start(session.StartsAt);
            session.Close();
            Assert.Equal(SessionState.Closed, session.State);
        }
        else
        {
            Assert.Equal("KZRU-11", Assert.Throws<RuleViolationException>(() => session.Start(session.StartsAt)).RuleId);
        }
    }

    [Fact]
    public void A_session_opens_on_its_day_in_its_zone_and_earlier_only_as_a_recorded_rescheduling_KZRU_09()
    {
        // Scheduled for 10 March 10:00 in Almaty (04:00 UTC).
        var scheduled = new DateTimeOffset(2026, 3, 10, 4, 0, 0, TimeSpan.Zero);
        Session Approved()
        {
            var session = NewSession(Now, scheduled);
            session.AddItem(Guid.NewGuid(), new AgendaItemContent(LocalizedText.Of(null, "Вопрос"), null, DecisionKind.Other, LocalizedText.Empty));
            session.SendForApproval();
            session.Approve(Guid.NewGuid(), Kz, session.AgendaVersion, Both, true, Now);
            session.Approve(Guid.NewGuid(), Ru, session.AgendaVersion, Both, true, Now);
            return session;
        }

        // 9 March 23:30 in Almaty (18:30 UTC): still the day before, refused without a reason.
        var dayBefore = new DateTimeOffset(2026, 3, 9, 18, 30, 0, TimeSpan.Zero);
        var early = Approved();
        var refused = Assert.Throws<RuleViolationException>(() => early.Start(dayBefore));
        Assert.Equal(("KZRU-09", "Sessions.Rule.StartBeforeDay"), (refused.RuleId, refused.Key));
        Assert.Equal(SessionState.AgendaApproved, early.State);

        // With a reason it is a rescheduling: the new start is now, the scheduled one is kept.
        early.Start(dayBefore, "Перенос по согласованию сопредседателей");
        Assert.Equal(SessionState.InProgress, early.State);
        Assert.Equal(dayBefore, early.StartsAt);
        Assert.Equal(scheduled, early.RescheduledFrom);
        Assert.Equal("Перенос по согласованию сопредседателей", early.RescheduleReason);

        // 10 March 00:30 in Almaty (9 March 18:30 UTC is before; 19:30 UTC is after midnight there): its day, no reason needed.
        var onTheDay = Approved();
        onTheDay.Start(new DateTimeOffset(2026, 3, 9, 19, 30, 0, TimeSpan.Zero));
        Assert.Equal(SessionState.InProgress, onTheDay.State);
        Assert.Null(onTheDay.RescheduledFrom);
    }

    [Fact]
    public void Cancelled_session_takes_no_proposals_and_needs_a_reason()
    {
        var session = NewSession(Now, Now.AddDays(30));
        Assert.Equal("WF-02", Assert.Throws<RuleViolationException>(() => session.Cancel("")).RuleId);
        session.Cancel("Postponed by the Governments");
        Assert.Equal(SessionState.Cancelled, session.State);
        var ex = Assert.Throws<RuleViolationException>(() => new AgendaProposal(Guid.NewGuid(), session, Guid.NewGuid(), Guid.NewGuid(), LocalizedText.Of(null, "Q"), LocalizedText.Empty, LocalizedText.Empty, Now, 10));
        Assert.Equal("KZRU-06", ex.RuleId);
    }

    [Fact]
    public void Late_proposal_enters_only_as_an_unscheduled_item_KZRU_12()
    {
        var session = NewSession(Now, Now.AddDays(5));
        var proposal = new AgendaProposal(Guid.NewGuid(), session, Guid.NewGuid(), Guid.NewGuid(), LocalizedText.Of(null, "Q"), LocalizedText.Empty, LocalizedText.Empty, Now, 10);
        Assert.True(proposal.IsLate);
        var item = proposal.AcceptInto(session, Guid.NewGuid(), DecisionKind.Other, null, Guid.NewGuid(), Now);
        Assert.True(item.IsUnscheduled);
        Assert.Equal(ProposalStatus.AcceptedAsUnscheduled, proposal.Status);
        Assert.Throws<RuleViolationException>(() => proposal.Decline("too late", Guid.NewGuid(), Now));
    }

    [Fact]
    public void Send_for_approval_needs_at_least_one_item_KZRU_11()
    {
        var session = NewSession(Now, Now.AddDays(30));
        Assert.Equal("Agenda.Rule.Empty", Assert.Throws<RuleViolationException>(() => session.SendForApproval()).Key);
    }

    [Fact]
    public void Agenda_is_not_sent_while_a_Kazakh_text_is_missing_and_the_refusal_names_item_and_field_KZRU_23()
    {
        var session = NewSession(Now, Now.AddDays(30));
        session.AddItem(Guid.NewGuid(), new AgendaItemContent(LocalizedText.Of("Бағдарлама туралы", "О программе"), "R", DecisionKind.Other, LocalizedText.Of("Бекітілсін.", "Утвердить.")));
        session.AddItem(Guid.NewGuid(), new AgendaItemContent(LocalizedText.Of(null, "О графике"), "R", DecisionKind.Other, LocalizedText.Of(null, "Принять.")));

        var refusal = Assert.Throws<RuleViolationException>(() => session.SendForApproval(Profiles.Kzru.Languages));

        Assert.Equal("KZRU-23", refusal.RuleId);
        Assert.Equal("Rule.Agenda.MissingLanguage", refusal.Key);
        Assert.Contains("№ 2: titleKk, draftDecisionKk", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("№ 1", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(SessionState.Draft, session.State);
    }

    [Fact]
    public void Council_agenda_in_Russian_only_is_sent_CIS_13()
    {
        var session = NewSession(Now, Now.AddDays(30));
        session.AddItem(Guid.NewGuid(), new AgendaItemContent(LocalizedText.Of(null, "О графике"), "R", DecisionKind.Other, LocalizedText.Of(null, "Принять.")));

        session.SendForApproval(Profiles.Cis.Languages);

        Assert.Equal(SessionState.AgendaUnderApproval, session.State);
    }

    [Fact]
    public void A_document_time_reads_as_the_pdf_prints_it_with_its_offset()
    {
        var moment = new DateTimeOffset(2026, 11, 30, 22, 22, 0, TimeSpan.Zero);

        Assert.Equal("01.12.2026 03:22 (UTC+05:00)", ZonedTime.Document(moment, "Asia/Almaty"));
        Assert.Equal("01.12.2026 01:22 (Europe/Moscow, UTC+03:00)", ZonedTime.Screen(moment, "Europe/Moscow"));
        Assert.Equal("30.11.2026 17:22 (UTC\u221205:00)", ZonedTime.Document(moment, "America/New_York"));
    }
}
