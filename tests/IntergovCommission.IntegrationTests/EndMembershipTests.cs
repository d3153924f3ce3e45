using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests;

/// <summary>KZRU-02: ending keeps the membership as history; the roster shows it only when asked.</summary>
public sealed class EndMembershipTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TestApp _app = fixture.App;
    private readonly Demo _demo = fixture.Demo;

    [Fact]
    public async Task An_ended_membership_keeps_its_row_and_leaves_the_roster_but_not_its_history()
    {
        // Its own app: the roster counts below assume the demo roster as seeded.
        await using var app = await TestApp.CreateAsync();
        var demo = await Demo.OfAsync(app);
        var id = await Demo.MembershipOfAsync(app, "kz.member");
        var rosterBefore = await app.SendAsAsync("kz.secretary", new GetRoster.Query(demo.CommissionId));
        var form = await Demo.EditFormAsync(app, id);
        var (people, memberships, _) = await Demo.CountsAsync(app);

        await app.SendAsAsync("kz.secretary", new EndMembership.Command
        {
            MembershipId = id,
            CommissionId = demo.CommissionId,
            Version = form.Version,
            EndedOn = Demo.Today,
            Reason = "  Переход на другую работу ",
        });

        var stored = await app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(Demo.Today, stored.EndedOn);
        Assert.Equal("Переход на другую работу", stored.EndReason);
        Assert.Equal("Эксперт", stored.Position.Ru);
        var after = await Demo.CountsAsync(app);
        Assert.Equal((people, memberships), (after.People, after.Memberships));

        var current = await app.SendAsAsync("kz.secretary", new GetRoster.Query(demo.CommissionId));
        Assert.DoesNotContain(AllRows(current), r => r.MembershipId == id);
        Assert.Empty(current.Ended);
        Assert.Equal(rosterBefore.VotingMembers - 1, current.VotingMembers);
        Assert.Equal(26, current.VotingMembers);
        Assert.Equal(18, current.QuorumRequired);

        var history = await app.SendAsAsync("kz.secretary", new GetRoster.Query(demo.CommissionId, IncludeEnded: true));
        var ended = Assert.Single(history.Ended);
        Assert.Equal(id, ended.MembershipId);
        Assert.Equal(Demo.Today, ended.EndedOn);
        Assert.Equal("Переход на другую работу", ended.EndReason);
        Assert.DoesNotContain(AllRows(history), r => r.MembershipId == id);
        Assert.Equal(26, history.VotingMembers);

        // The person is no longer on the commission: their sign-in no longer reads it.
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new GetRoster.Query(demo.CommissionId)));

        // And ending it again is refused as history.
        var again = await Demo.EditFormAsync(app, id);
        Assert.True((await app.SendAsAsync("kz.secretary", new GetMembership.Query(id))).IsEnded);
        var ex = await Assert.ThrowsAsync<IntergovCommission.Domain.Common.RuleViolationException>(() => app.SendAsAsync("kz.secretary",
            new EndMembership.Command { MembershipId = id, CommissionId = demo.CommissionId, Version = again.Version, EndedOn = Demo.Today, Reason = "Ещё раз" }));
        Assert.Equal("Rule.Membership.AlreadyEnded", ex.Key);
    }

    [Fact]
    public async Task A_person_whose_membership_ended_can_be_appointed_again()
    {
        var id = await _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Назначенный Повторно"));
        var personId = await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.PersonId).SingleAsync());
        var form = await Demo.EditFormAsync(_app, id);
        await _app.SendAsAsync("kz.secretary", new EndMembership.Command { MembershipId = id, CommissionId = _demo.CommissionId, Version = form.Version, EndedOn = Demo.Today, Reason = "Истёк срок" });

        var command = _demo.NewMember(_demo.KzSideId, "ignored");
        command.ExistingPersonId = personId;
        var second = await _app.SendAsAsync("kz.secretary", command);

        Assert.NotEqual(id, second);
        Assert.Equal(2, await _app.QueryAsync(db => db.Memberships.CountAsync(m => m.PersonId == personId)));
        Assert.Equal(1, await _app.QueryAsync(db => db.Memberships.CountAsync(m => m.PersonId == personId && m.EndedOn == null)));
    }

    [Fact]
    public async Task A_membership_cannot_end_before_its_term_starts()
    {
        var id = await _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Слишком Ранний Конец"));
        var form = await Demo.EditFormAsync(_app, id);

        var ex = await Assert.ThrowsAsync<IntergovCommission.Domain.Common.RuleViolationException>(() => _app.SendAsAsync("kz.secretary",
            new EndMembership.Command { MembershipId = id, CommissionId = _demo.CommissionId, Version = form.Version, EndedOn = Demo.Today.AddDays(-1), Reason = "Задним числом" }));

        Assert.Equal("Rule.Membership.EndBeforeStart", ex.Key);
        Assert.Null(await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.EndedOn).SingleAsync()));
    }

    [Fact]
    public async Task Ending_a_membership_takes_its_commission_from_the_membership_not_from_the_request()
    {
        var id = await _app.SendAsAsync("admin", _demo.NewMember(_demo.RuSideId, "Член Для Завершения"));
        var form = await Demo.EditFormAsync(_app, id);
        var command = new EndMembership.Command { MembershipId = id, CommissionId = Guid.NewGuid(), Version = form.Version, EndedOn = Demo.Today, Reason = "Не та комиссия" };

        // The route id is the only id that counts: a wrong commission id in the body neither misleads nor blocks.
        await _app.SendAsAsync("admin", command);

        Assert.Equal(_demo.CommissionId, command.CommissionId);
        Assert.Equal(Demo.Today, await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.EndedOn).SingleAsync()));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsAsync("admin",
            new EndMembership.Command { MembershipId = Guid.NewGuid(), Version = form.Version, EndedOn = Demo.Today, Reason = "Нет такого" }));
    }

    private static IEnumerable<GetRoster.Row> AllRows(GetRoster.Result roster) => roster.Sides.SelectMany(s => s.Rows).Concat(roster.WithoutSide);
}
