using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.IntegrationTests.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Live;

public sealed class LiveSessionTests
{
    /// <summary>A session with one approved item, started; returns its id and the item id.</summary>
    private static async Task<(Guid SessionId, Guid ItemId)> StartedSessionAsync(TestApp app)
    {
        var sessionId = await SessionSteps.CreateSessionAsync(app, 12);
        await SessionSteps.AddItemAsync(app, sessionId, "О программе лётных испытаний");
        await SessionSteps.SendForApprovalAsync(app, sessionId);
        await SessionSteps.ApproveAsync(app, sessionId, "kz.cochair");
        await SessionSteps.ApproveAsync(app, sessionId, "ru.cochair");
        await app.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = sessionId, Version = await SessionSteps.RowVersionAsync(app, sessionId), Step = SessionStep.Start, Reason = "Перенос: заседание проводится ранее назначенной даты" });
        var itemId = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).SingleAsync());
        return (sessionId, itemId);
    }

    private static Task<List<(Guid MembershipId, string? UserName, CommissionRole Role)>> RosterAsync(TestApp app) =>
        app.QueryAsync(async db => (await (from m in db.Memberships
                                           join u in db.Users on m.PersonId equals u.PersonId into users
                                           from u in users.DefaultIfEmpty()
                                           where m.EndedOn == null
                                           orderby m.Role, m.Id
                                           select new { m.Id, UserName = u == null ? null : (string?)u.UserName, m.Role }).ToListAsync())
            .Select(x => (MembershipId: x.Id, UserName: (string?)x.UserName, x.Role)).ToList());

    /// <summary>Marks present (in the room) the co-chairs, secretaries and then members until <paramref name="voters"/> voters are present; plus the representative when asked.</summary>
    private static async Task<List<(Guid MembershipId, string? UserName, CommissionRole Role)>> RegisterAsync(TestApp app, Guid sessionId, int voters, bool representative = false)
    {
        var roster = await RosterAsync(app);
        var votersFirst = roster.Where(r => r.Role != CommissionRole.Representative)
            .OrderBy(r => r.UserName is null ? 1 : 0).ThenBy(r => r.Role == CommissionRole.CoChair ? 0 : r.Role == CommissionRole.Secretary ? 1 : 2)
            .Take(voters).ToList();
        foreach (var r in votersFirst)
        {
            await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, r.MembershipId), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = r.MembershipId, Mode = AttendanceMode.InPerson });
        }

        if (representative)
        {
            var rep = roster.Single(r => r.Role == CommissionRole.Representative);
            await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, rep.MembershipId), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = rep.MembershipId, Mode = AttendanceMode.InPerson });
        }

        return votersFirst;
    }

    [Fact]
    public async Task Vote_is_refused_to_open_when_quorum_is_missing_KZRU_16()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        await RegisterAsync(app, sessionId, 17);
        var live = await app.SendAsAsync("kz.cochair", new GetLiveSession.Query(sessionId));
        Assert.False(live.Quorum.IsMet);
        Assert.Equal(17, live.Quorum.Present);
        Assert.Equal(18, live.Quorum.Required);
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId)));
        Assert.Equal("KZRU-16", ex.RuleId);
        Assert.Equal(0, await app.QueryAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task Only_the_presiding_co_chair_opens_a_vote_KZRU_10()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        await RegisterAsync(app, sessionId, 20);
        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new OpenBallot.Command(sessionId, itemId)));
        Assert.Equal("KZRU-10", ex.RuleId);
        // The KZ deputy is present but the KZ co-chair is too: the deputy does not preside.
        var deputy = (await RosterAsync(app)).Single(r => r.UserName == "kz.deputy");
        await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, deputy.MembershipId), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = deputy.MembershipId, Mode = AttendanceMode.InPerson });
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.deputy", new OpenBallot.Command(sessionId, itemId)));
        Assert.Equal("KZRU-10", refused.RuleId);
        // With the KZ co-chair absent, the KZ deputy presides.
        var chair = (await RosterAsync(app)).Single(r => r.UserName == "kz.cochair");
        await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, chair.MembershipId), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = chair.MembershipId, Mode = AttendanceMode.Absent });
        var ballotId = await app.SendAsAsync("kz.deputy", new OpenBallot.Command(sessionId, itemId));
        var opened = await app.QueryAsync(db => db.Ballots.AsNoTracking().SingleAsync(b => b.Id == ballotId));
        Assert.Equal(BallotState.Open, opened.State);
        Assert.Equal(deputy.MembershipId, opened.OpenedByMembershipId);
    }

    [Fact]
    public async Task A_secretary_records_only_for_a_present_member_of_their_own_side_and_never_over_a_personal_vote_KZRU_17()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        var present = await RegisterAsync(app, sessionId, 20);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var member = present.Single(p => p.UserName == "kz.member");
        var sides = await app.QueryAsync(db => db.Memberships.ToDictionaryAsync(m => m.Id, m => m.SideId));
        var kzSide = sides[member.MembershipId];
        var kzByHands = present.First(p => p.UserName is null && sides[p.MembershipId] == kzSide);
        await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });

        // The other side's secretary: neither over the member's own vote nor for a member who has not voted yet.
        var otherSide = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("ru.secretary", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against, ForMembershipId = member.MembershipId }));
        Assert.Equal("KZRU-17", otherSide.RuleId);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("ru.secretary", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against, ForMembershipId = kzByHands.MembershipId }));
        // Their own side's secretary: not over the vote the member cast personally.
        var personal = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against, ForMembershipId = member.MembershipId }));
        Assert.Equal("KZRU-17", personal.RuleId);
        // A member who has not voted, present, of the secretary's side: recorded, with who recorded it.
        await app.SendAsAsync("kz.secretary", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Abstain, ForMembershipId = kzByHands.MembershipId });
        // The member may still change what the secretary recorded for them; their own vote is theirs again.
        var kzSecretary = present.Single(p => p.UserName == "kz.secretary");
        var votes = await app.QueryAsync(db => db.Votes.AsNoTracking().Where(v => v.BallotId == ballotId).ToDictionaryAsync(v => v.MembershipId));
        Assert.Equal(2, votes.Count);
        Assert.Equal(VoteChoice.For, votes[member.MembershipId].Choice);
        Assert.Null(votes[member.MembershipId].RecordedByMembershipId);
        Assert.Equal(VoteChoice.Abstain, votes[kzByHands.MembershipId].Choice);
        Assert.Equal(kzSecretary.MembershipId, votes[kzByHands.MembershipId].RecordedByMembershipId);
    }

    [Fact]
    public async Task A_member_and_their_secretary_at_the_same_moment_never_leave_the_secretarys_vote_over_the_members_KZRU_17()
    {
        // The member's own cast and the secretary's record of the same member race, several rounds: whatever the
        // order, the stored vote is the member's own when the member's cast went through (never "recorded by secretary"
        // over a personal vote), one row per voter, and a refused side is refused by the rule, never a 409.
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        var present = await RegisterAsync(app, sessionId, 20);
        var member = present.Single(p => p.UserName == "kz.member");
        for (var round = 1; round <= 6; round++)
        {
            var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
            var outcomes = await Task.WhenAll(
                Attempt(() => app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For })),
                Attempt(() => app.SendAsAsync("kz.secretary", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against, ForMembershipId = member.MembershipId })));
            Assert.Null(outcomes[0]); // the member's own cast always counts
            Assert.True(outcomes[1] is null || (outcomes[1] is RuleViolationException r && r.RuleId == "KZRU-17"), outcomes[1]?.ToString());
            var vote = await app.QueryAsync(db => db.Votes.AsNoTracking().SingleAsync(v => v.BallotId == ballotId && v.MembershipId == member.MembershipId));
            Assert.Equal(VoteChoice.For, vote.Choice);
            Assert.Null(vote.RecordedByMembershipId);
            await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        }
    }

    [Fact]
    public async Task The_live_page_shows_the_start_on_every_sides_clock_from_the_commission_not_written_into_the_page()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, _) = await StartedSessionAsync(app);
        var live = await app.SendAsAsync("kz.member", new GetLiveSession.Query(sessionId));
        var sideZones = await app.QueryAsync(db => db.Sides.Select(s => s.TimeZoneId).ToListAsync());

        Assert.Equal(live.TimeZoneId, live.Zones[0]); // the session's own zone first
        Assert.Equal(sideZones.Distinct().Order(StringComparer.Ordinal), live.Zones.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Refusals_to_cast_name_the_rule_that_applies_KZRU_14_KZRU_15()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        var present = await RegisterAsync(app, sessionId, 20, representative: true);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var someMember = present.First(p => p.Role == CommissionRole.Member && p.UserName is null);

        // The representative, for themselves or for another member: KZRU-15, not KZRU-17.
        var own = await Assert.ThrowsAnyAsync<Exception>(() => app.SendAsAsync("kz.representative", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For }));
        Assert.Equal("KZRU-15", RuleOf(own));
        var forOther = await Assert.ThrowsAnyAsync<Exception>(() => app.SendAsAsync("kz.representative", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For, ForMembershipId = someMember.MembershipId }));
        Assert.Equal("KZRU-15", RuleOf(forOther));
        Assert.Equal(0, await app.QueryAsync(db => db.Votes.CountAsync(v => v.BallotId == ballotId)));
    }

    private static string? RuleOf(Exception e) => e switch
    {
        ForbiddenException f => f.RuleId,
        RuleViolationException r => r.RuleId,
        _ => null,
    };

    [Fact]
    public async Task Result_is_computed_on_close_and_nothing_changes_a_closed_ballot_KZRU_17()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        var present = await RegisterAsync(app, sessionId, 18);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var withUsers = present.Where(p => p.UserName is not null).ToList();
        // Voters with a sign-in vote themselves; the others are recorded by the KZ secretary (show of hands).
        var i = 0;
        foreach (var voter in present)
        {
            var choice = i++ < 10 ? VoteChoice.For : VoteChoice.Against;
            if (voter.UserName is not null)
            {
                await app.SendAsAsync(voter.UserName, new CastVote.Command { BallotId = ballotId, Choice = choice });
            }
            else
            {
                await LiveScenario.RecordVoteAsync(app, ballotId, voter.MembershipId, choice);
            }
        }

        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        var live = await app.SendAsAsync("kz.member", new GetLiveSession.Query(sessionId));
        var ballot = live.Items.Single().Ballots.Single();
        Assert.Equal(BallotState.Closed, ballot.State);
        Assert.True(ballot.Adopted); // 10 of 18 present: more than half
        Assert.Equal(10, ballot.Tally.For);
        Assert.Equal(8, ballot.Tally.Against);
        Assert.Contains(ballot.RollCall, r => r.RecordedBySecretary);

        var late = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync(withUsers[0].UserName!, new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against }));
        Assert.Equal("KZRU-17", late.RuleId);
        Assert.Equal(10, await app.QueryAsync(db => db.Votes.CountAsync(v => v.BallotId == ballotId && v.Choice == VoteChoice.For)));
    }

    [Fact]
    public async Task Representative_cannot_vote_and_does_not_count_KZRU_15()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        await RegisterAsync(app, sessionId, 18, representative: true);
        var live = await app.SendAsAsync("kz.representative", new GetLiveSession.Query(sessionId));
        Assert.Equal(18, live.Quorum.Present);
        Assert.False(live.Me.CanVote);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.representative", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For }));
        Assert.Equal("KZRU-15", ex.RuleId);
        Assert.Equal(0, await app.QueryAsync(db => db.Votes.CountAsync()));
    }

    [Fact]
    public async Task Absent_member_cannot_vote_KZRU_17()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        await RegisterAsync(app, sessionId, 19);
        var absent = (await RosterAsync(app)).Single(r => r.UserName == "kz.member");
        await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, absent.MembershipId), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = absent.MembershipId, Mode = AttendanceMode.Absent });
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For }));
        Assert.Equal("KZRU-17", ex.RuleId);
    }

    [Fact]
    public async Task Changing_a_vote_changes_only_that_voters_vote_whoever_records_it_KZRU_17()
    {
        // A cast reads only the caller's and the voter's register rows and the voter's own vote
        // (LiveContext.LoadRowsAsync): each change must still hit the right row, and a secretary
        // recording for an absent member must still be refused.
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        var present = await RegisterAsync(app, sessionId, 20);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var member = present.Single(p => p.UserName == "kz.member");
        var chair = present.Single(p => p.UserName == "ru.cochair");
        var byHands = present.First(p => p.UserName is null);

        await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        await app.SendAsAsync("ru.cochair", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against });
        await LiveScenario.RecordVoteAsync(app, ballotId, byHands.MembershipId, VoteChoice.For);
        Assert.Equal(VoteChoice.Abstain, await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Abstain }));
        Assert.Equal(VoteChoice.Against, await LiveScenario.RecordVoteAsync(app, ballotId, byHands.MembershipId, VoteChoice.Against));

        var votes = await app.QueryAsync(db => db.Votes.Where(v => v.BallotId == ballotId).ToDictionaryAsync(v => v.MembershipId, v => v.Choice));
        Assert.Equal(3, votes.Count);
        Assert.Equal(VoteChoice.Abstain, votes[member.MembershipId]);
        Assert.Equal(VoteChoice.Against, votes[chair.MembershipId]);
        Assert.Equal(VoteChoice.Against, votes[byHands.MembershipId]);

        var absent = (await RosterAsync(app)).First(r => r.Role == CommissionRole.Member && present.All(p => p.MembershipId != r.MembershipId));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => LiveScenario.RecordVoteAsync(app, ballotId, absent.MembershipId, VoteChoice.For));
        Assert.Equal("KZRU-17", refused.RuleId);
        Assert.Equal(3, await app.QueryAsync(db => db.Votes.CountAsync(v => v.BallotId == ballotId)));
    }

    [Fact]
    public async Task Fifty_voters_casting_at_once_store_every_vote_once()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await SessionSteps.CommissionIdAsync(app);
        var extra = await AddMembersWithAccountsAsync(app, commissionId, 23); // 27 + 23 = 50 voters
        var (sessionId, itemId) = await StartedSessionAsync(app);
        var roster = await RosterAsync(app);
        var voters = roster.Where(r => r.Role != CommissionRole.Representative && r.UserName is not null).ToList();
        var noAccount = roster.Where(r => r.Role != CommissionRole.Representative && r.UserName is null).ToList();
        foreach (var r in voters.Concat(noAccount))
        {
            await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, r.MembershipId), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = r.MembershipId, Mode = AttendanceMode.Video });
        }

        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var secretaryOf = await app.QueryAsync(db => (from m in db.Memberships
                                                       join sd in db.Sides on m.SideId equals sd.Id
                                                       select new { m.Id, sd.Code }).ToDictionaryAsync(x => x.Id, x => x.Code == "KZ" ? "kz.secretary" : "ru.secretary"));
        // Every voter with a sign-in casts twice at the same time (a double tap); the rest are recorded by their side's secretary.
        var tasks = voters.SelectMany(v => new[] { VoteChoice.For, VoteChoice.Abstain }.Select(choice => Attempt(() => app.SendAsAsync(v.UserName!, new CastVote.Command { BallotId = ballotId, Choice = choice }))))
            .Concat(noAccount.Select(v => Attempt(() => app.SendAsAsync(secretaryOf[v.MembershipId], new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against, ForMembershipId = v.MembershipId }))))
            .ToList();
        var outcomes = await Task.WhenAll(tasks);
        // A double tap is serialised: the second press changes the first, neither is refused.
        Assert.All(outcomes, o => Assert.Null(o));
        var stored = await app.QueryAsync(db => db.Votes.Where(v => v.BallotId == ballotId).GroupBy(v => v.MembershipId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(voters.Count + noAccount.Count, stored.Count);
        Assert.All(stored, count => Assert.Equal(1, count));
        Assert.True(voters.Count + noAccount.Count >= 27 + extra);
    }

    [Fact]
    public async Task Vote_racing_the_close_is_either_counted_or_refused_never_lost()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        await RegisterAsync(app, sessionId, 27);
        var voters = (await RosterAsync(app)).Where(r => r.UserName is not null && r.Role != CommissionRole.Representative).ToList();
        // Several rounds (a re-vote is a new round): each race has its own interleaving.
        for (var round = 1; round <= 5; round++)
        {
            var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
            var casts = voters.Select(v => Attempt(() => app.SendAsAsync(v.UserName!, new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For }))).ToList();
            var close = app.SendAsAsync("ru.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
            var outcomes = await Task.WhenAll(casts);
            await close;
            var accepted = outcomes.Count(o => o is null);
            Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal("KZRU-17", Assert.IsType<RuleViolationException>(o).RuleId));
            var ballot = await app.QueryAsync(db => db.Ballots.Include(b => b.Votes).SingleAsync(b => b.Id == ballotId));
            Assert.Equal(BallotState.Closed, ballot.State);
            Assert.Equal(accepted, ballot.ForCount);
            Assert.Equal(accepted, ballot.Votes.Count);
        }
    }

    [Fact]
    public async Task A_restart_mid_session_restores_attendance_the_open_ballot_and_its_votes()
    {
        string connection;
        Guid sessionId, ballotId;
        await using (var app = await TestApp.CreateAsync())
        {
            connection = app.ConnectionString;
            Guid itemId;
            (sessionId, itemId) = await StartedSessionAsync(app);
            await RegisterAsync(app, sessionId, 20);
            ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
            await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against });
            await app.SendAsAsync("ru.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        }

        await using var restarted = TestApp.Reopen(connection);
        var live = await restarted.SendAsAsync("kz.member", new GetLiveSession.Query(sessionId));
        Assert.Equal(20, live.Quorum.Present);
        Assert.NotNull(live.OpenBallot);
        Assert.Equal(ballotId, live.OpenBallot!.Id);
        Assert.Equal(new VoteCount(1, 1, 0), live.OpenBallot.Tally);
        Assert.Equal(VoteChoice.Against, live.Me.MyVoteInOpenBallot);
    }

    [Fact]
    public async Task Dissenting_opinion_comes_from_the_minority_and_is_shown_with_the_result_KZRU_19()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        var present = await RegisterAsync(app, sessionId, 18);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        foreach (var voter in present.Where(p => p.UserName is not null))
        {
            await app.SendAsAsync(voter.UserName!, new CastVote.Command { BallotId = ballotId, Choice = voter.UserName == "kz.member" ? VoteChoice.Against : VoteChoice.For });
        }

        foreach (var voter in present.Where(p => p.UserName is null))
        {
            await LiveScenario.RecordVoteAsync(app, ballotId, voter.MembershipId, VoteChoice.For);
        }

        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        var majority = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("ru.member", new SubmitDissent.Command { BallotId = ballotId, Language = "ru", Text = "Не согласен." }));
        Assert.Equal("KZRU-19", majority.RuleId);
        await app.SendAsAsync("kz.member", new SubmitDissent.Command { BallotId = ballotId, Language = "kk", Text = "Бағдарлама әлі дайын емес." });
        var live = await app.SendAsAsync("ru.cochair", new GetLiveSession.Query(sessionId));
        var dissent = Assert.Single(live.Items.Single().Ballots.Single().Dissents);
        Assert.Equal("Бағдарлама әлі дайын емес.", dissent.Text);
        await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.member", new SubmitDissent.Command { BallotId = ballotId, Language = "kk", Text = "Тағы да." }));
    }

    [Fact]
    public async Task Member_checks_in_only_themselves_and_only_as_present()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, _) = await StartedSessionAsync(app);
        var roster = await RosterAsync(app);
        var me = roster.Single(r => r.UserName == "kz.member");
        var other = roster.Single(r => r.UserName == "ru.member");
        await app.SendAsAsync("kz.member", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = me.MembershipId, Mode = AttendanceMode.Video });
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = other.MembershipId, Mode = AttendanceMode.InPerson }));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = me.MembershipId, Mode = AttendanceMode.Represented, RepresentativeName = "X" }));
        var live = await app.SendAsAsync("kz.member", new GetLiveSession.Query(sessionId));
        Assert.Equal(AttendanceMode.Video, live.Me.Mode);
    }

    [Fact]
    public async Task Co_chair_requires_attendance_in_person_and_video_is_then_refused_KZRU_05()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, _) = await StartedSessionAsync(app);
        var me = (await RosterAsync(app)).Single(r => r.UserName == "kz.member");
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", new RequireInPerson.Command(sessionId, me.MembershipId, true)));
        await app.SendAsAsync("kz.cochair", new RequireInPerson.Command(sessionId, me.MembershipId, true));
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.member", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = me.MembershipId, Mode = AttendanceMode.Video }));
        Assert.Equal("KZRU-05", ex.RuleId);
    }

    [Fact]
    public async Task Co_chairs_refer_an_item_to_an_expert_group_and_everyone_sees_it_KZRU_20()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await StartedSessionAsync(app);
        await RegisterAsync(app, sessionId, 20);
        var roster = await RosterAsync(app);
        var experts = roster.Where(r => r.UserName is "kz.member" or "ru.member").Select(r => r.MembershipId).ToList();
        var command = new ReferToExpertGroup.Command
        {
            SessionId = sessionId,
            AgendaItemId = itemId,
            Task = "Согласовать график пусков и предложить согласованный проект решения.",
            Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
            MemberIds = experts,
        };
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", command));
        Assert.Equal("KZRU-20", refused.RuleId);
        var past = new ReferToExpertGroup.Command { SessionId = sessionId, AgendaItemId = itemId, Task = command.Task, Deadline = DateOnly.FromDateTime(DateTime.UtcNow), MemberIds = experts };
        await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.cochair", past));
        Assert.Equal(0, await app.QueryAsync(db => db.ExpertGroupReferrals.CountAsync()));

        await app.SendAsAsync("kz.cochair", command);
        var live = await app.SendAsAsync("ru.member", new GetLiveSession.Query(sessionId));
        var referral = Assert.Single(live.Items.Single().Referrals);
        Assert.Equal(command.Task, referral.Task);
        Assert.Equal(2, referral.Members.Count);
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static async Task<int> AddMembersWithAccountsAsync(TestApp app, Guid commissionId, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var kz = await db.Sides.Where(s => s.CommissionId == commissionId && s.Code == "KZ").Select(s => s.Id).SingleAsync();
        for (var i = 0; i < count; i++)
        {
            var person = new Person(Guid.CreateVersion7(), LocalizedText.Of(null, $"Эксперт {i:00}"), null, null, DateTimeOffset.UtcNow);
            db.People.Add(person);
            db.Memberships.Add(new Membership(Guid.CreateVersion7(), commissionId, kz, person.Id, CommissionRole.Member,
                new MembershipDetails(LocalizedText.Of(null, "Эксперт"), LocalizedText.Of(null, "Комитет"), LocalizedText.Of(null, "Правительство"), "1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1), null)));
            await db.SaveChangesAsync();
            var result = await users.CreateAsync(new AppUser { Id = Guid.CreateVersion7(), UserName = $"extra{i:00}", DisplayName = $"Эксперт {i:00}", PersonId = person.Id, CreatedAt = DateTimeOffset.UtcNow }, "Demo-Password-2026");
            Assert.True(result.Succeeded);
        }

        return count;
    }
}
