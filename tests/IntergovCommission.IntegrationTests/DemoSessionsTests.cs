using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// What `dotnet run` shows a person trying the app (Demo:Sessions, on with the local database):
/// every stage of a session at once, made through the real use cases, each by the demo user who
/// would do it, and made once.
/// </summary>
public sealed class DemoSessionsTests
{
    private static readonly Dictionary<string, string?> WithDemoSessions = new() { ["Demo:Sessions"] = "true" };

    [Fact]
    public async Task Demo_has_a_session_in_progress_with_a_decision_half_signed_and_an_open_vote_and_the_next_session_in_preparation()
    {
        await using var app = await TestApp.CreateAsync(settings: WithDemoSessions);
        var sessions = await app.QueryAsync(db => db.Sessions.OrderBy(s => s.Number).Select(s => new { s.Id, s.State, s.StartsAt }).ToListAsync());
        Assert.Equal([SessionState.InProgress, SessionState.Draft], sessions.Select(s => s.State));
        Assert.True(sessions[0].StartsAt < sessions[1].StartsAt);
        var today = sessions[0].Id;

        // Item 1: adopted over the RU member's vote against, with the dissent, its signing route
        // half-way: the KZ secretary signed, the RU secretary is awaited and can sign now.
        var ballots = await app.QueryAsync(db => db.Ballots.Where(b => b.SessionId == today).OrderBy(b => b.OpenedAt).ToListAsync());
        Assert.Equal(2, ballots.Count);
        Assert.True(ballots[0].Adopted);
        Assert.Equal(1, ballots[0].AgainstCount);
        Assert.Equal(1, await app.QueryAsync(db => db.DissentingOpinions.CountAsync(d => d.BallotId == ballots[0].Id)));
        var decision = await app.QueryAsync(db => db.Decisions.SingleAsync(d => d.BallotId == ballots[0].Id));
        Assert.Equal(DecisionState.Signing, decision.State);
        var awaiting = Assert.Single((await app.SendAsAsync("ru.secretary", new ListMyDecisions.Query())).AwaitingMe);
        Assert.Equal(decision.Id, awaiting.Id);
        Assert.Equal((1, 4), (awaiting.SignaturesGiven, awaiting.SignaturesRequired)); // two secretaries sign, two co-chairs approve (KZRU-21)
        await app.SendAsAsync("ru.secretary", new SignDecision.Command { DecisionId = decision.Id, Kind = SignatureKind.Sign, ContentHash = decision.ContentHash, Confirmation = DemoDataSeeder.DemoPassword });
        Assert.Single((await app.SendAsAsync("kz.cochair", new ListMyDecisions.Query())).AwaitingMe);

        // Item 2: the vote is open and the KZ member has not voted yet.
        Assert.Equal(BallotState.Open, ballots[1].State);
        Assert.Equal(3, await app.QueryAsync(db => db.Votes.CountAsync(v => v.BallotId == ballots[1].Id)));
        await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballots[1].Id, Choice = VoteChoice.For });

        // The next session: a draft agenda and a proposal waiting for the secretary.
        Assert.Equal(1, await app.QueryAsync(db => db.AgendaItems.CountAsync(i => i.SessionId == sessions[1].Id)));
        Assert.Equal(ProposalStatus.Submitted, await app.QueryAsync(db => db.AgendaProposals.Where(p => p.SessionId == sessions[1].Id).Select(p => p.Status).SingleAsync()));

        // Made by the people who would have done it, in the audit trail like any change.
        var actors = await app.QueryAsync(db => db.AuditEntries.Where(a => a.UserName != null).Select(a => a.UserName!).Distinct().ToListAsync());
        Assert.Superset(new HashSet<string> { "kz.secretary", "ru.secretary", "kz.cochair", "ru.cochair", "ru.member", "kz.deputy" }, actors.ToHashSet());
    }

    [Fact]
    public async Task Demo_sessions_are_made_once_and_not_again_on_a_restart()
    {
        string connection;
        await using (var app = await TestApp.CreateAsync(settings: WithDemoSessions))
        {
            connection = app.ConnectionString;
            Assert.Equal(2, await app.QueryAsync(db => db.Sessions.CountAsync()));
        }

        await using var restarted = TestApp.Reopen(connection, settings: WithDemoSessions);
        Assert.Equal(2, await restarted.QueryAsync(db => db.Sessions.CountAsync()));
        Assert.Equal(2, await restarted.QueryAsync(db => db.Ballots.CountAsync()));
    }
}
