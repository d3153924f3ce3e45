using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests;

/// <summary>Optimistic concurrency on memberships and the roster lock under parallel appointments.</summary>
public sealed class ConcurrencyTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TestApp _app = fixture.App;
    private readonly Demo _demo = fixture.Demo;

    [Fact]
    public async Task Two_edits_carrying_the_same_version_the_first_wins_the_second_conflicts()
    {
        var id = await _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Редактируемый Дважды"));
        var first = await Demo.EditFormAsync(_app, id);
        var second = await Demo.EditFormAsync(_app, id);
        Assert.Equal(first.Version, second.Version);
        first.PositionRu = "Первая правка";
        second.PositionRu = "Вторая правка";

        await _app.SendAsAsync("kz.secretary", first);
        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsAsync("admin", second));

        var stored = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal("Первая правка", stored.Position.Ru);
        Assert.NotEqual(first.Version, stored.Version);
    }

    [Fact]
    public async Task Two_edits_with_the_same_version_sent_at_once_exactly_one_is_stored()
    {
        var id = await _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Редактируемый Одновременно"));
        var forms = new[] { await Demo.EditFormAsync(_app, id), await Demo.EditFormAsync(_app, id) };
        forms[0].PositionRu = "Правка A";
        forms[1].PositionRu = "Правка B";

        var outcomes = await Task.WhenAll(forms.Select(f => Outcome(() => _app.SendAsAsync("kz.secretary", f))));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.Equal(1, outcomes.Count(o => o is ConflictException));
        var winner = forms[Array.IndexOf(outcomes, null)].PositionRu;
        Assert.Equal(winner, await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.Position.Ru).SingleAsync()));
    }

    [Fact]
    public async Task Ending_with_a_stale_version_conflicts_and_the_edit_stays()
    {
        var id = await _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Завершаемый После Правки"));
        var stale = await Demo.EditFormAsync(_app, id);
        var edit = await Demo.EditFormAsync(_app, id);
        edit.PositionRu = "Правка до завершения";
        await _app.SendAsAsync("kz.secretary", edit);

        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsAsync("kz.secretary",
            new EndMembership.Command { MembershipId = id, CommissionId = stale.CommissionId, Version = stale.Version, EndedOn = Demo.Today, Reason = "Устаревшая форма" }));

        var stored = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Null(stored.EndedOn);
        Assert.Equal("Правка до завершения", stored.Position.Ru);
    }

    [Theory]
    [InlineData(CommissionRole.Member, 6)]
    [InlineData(CommissionRole.Secretary, 4)]
    public async Task Parallel_appointments_of_the_same_person_exactly_one_succeeds(CommissionRole role, int n)
    {
        var personId = await Demo.NewPersonAsync(_app, $"Назначаемый Параллельно {role}");
        var side = role == CommissionRole.Secretary ? _demo.RuSideId : _demo.KzSideId;
        if (role == CommissionRole.Secretary)
        {
            // Free the RU secretary seat first, so only the duplicate rule can refuse.
            var seat = await Demo.MembershipOfAsync(_app, "ru.secretary");
            var form = await Demo.EditFormAsync(_app, seat);
            await _app.SendAsAsync("admin", new EndMembership.Command { MembershipId = seat, CommissionId = form.CommissionId, Version = form.Version, EndedOn = Demo.Today, Reason = "Освобождение места" });
        }

        using var go = new ManualResetEventSlim(false);
        var sends = Enumerable.Range(0, n).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            var command = _demo.NewMember(side, "ignored", role);
            command.ExistingPersonId = personId;
            return await Outcome(() => _app.SendAsAsync("admin", command));
        })).ToList();
        go.Set();
        var outcomes = await Task.WhenAll(sends);

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o =>
            Assert.True(o is ConflictException || o is RuleViolationException { RuleId: "KZRU-01" }, $"unexpected refusal: {o}"));
        Assert.Equal(1, await _app.QueryAsync(db => db.Memberships.CountAsync(m => m.PersonId == personId && m.EndedOn == null)));
        Assert.Equal(1, await _app.QueryAsync(db => db.Memberships.CountAsync(m => m.PersonId == personId)));
    }

    [Fact]
    public async Task Parallel_appointments_of_different_people_to_one_free_seat_exactly_one_succeeds()
    {
        // The RU co-chair seat: end the current one, then let several secretaries race for it.
        var seat = await Demo.MembershipOfAsync(_app, "ru.cochair");
        var form = await Demo.EditFormAsync(_app, seat);
        await _app.SendAsAsync("admin", new EndMembership.Command { MembershipId = seat, CommissionId = form.CommissionId, Version = form.Version, EndedOn = Demo.Today, Reason = "Освобождение места" });

        using var go = new ManualResetEventSlim(false);
        var sends = Enumerable.Range(0, 5).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await Outcome(() => _app.SendAsAsync("admin", _demo.NewMember(_demo.RuSideId, $"Претендент {i}", CommissionRole.CoChair)));
        })).ToList();
        go.Set();
        var outcomes = await Task.WhenAll(sends);

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.True(o is RuleViolationException { Key: "Rule.Composition.SeatTaken" }, $"unexpected refusal: {o}"));
        Assert.Equal(1, await _app.QueryAsync(db => db.Memberships.CountAsync(m => m.SideId == _demo.RuSideId && m.Role == CommissionRole.CoChair && m.EndedOn == null)));
    }

    private static async Task<Exception?> Outcome<T>(Func<Task<T>> send)
    {
        try
        {
            await send();
            return null;
        }
        catch (Exception ex) when (ex is ConflictException or RuleViolationException)
        {
            return ex;
        }
    }
}
