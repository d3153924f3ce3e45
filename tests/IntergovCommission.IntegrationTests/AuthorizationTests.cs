using IntergovCommission.Domain.Commissions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests;

/// <summary>KZRU-07 through the real pipeline: each side's secretary keeps its own side; members read, never write.</summary>
public sealed class AuthorizationTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TestApp _app = fixture.App;
    private readonly Demo _demo = fixture.Demo;

    [Theory]
    [InlineData("kz.member")]
    [InlineData("kz.cochair")]
    [InlineData("kz.deputy")]
    [InlineData("kz.representative")]
    [InlineData("ru.member")]
    public async Task Who_is_not_a_secretary_cannot_add_edit_or_end_a_membership(string userName)
    {
        var kzMember = await Demo.MembershipOfAsync(_app, "kz.member");
        var before = await Demo.CountsAsync(_app);

        await AssertForbiddenAsync(() => _app.SendAsAsync(userName, _demo.NewMember(_demo.KzSideId, "Посторонний Добавленный")));
        var form = await Demo.EditFormAsync(_app, kzMember);
        form.PositionRu = "Изменено посторонним";
        await AssertForbiddenAsync(() => _app.SendAsAsync(userName, form));
        await AssertForbiddenAsync(() => _app.SendAsAsync(userName, EndCommand(form, "Посторонний завершил")));

        Assert.Equal(before, await Demo.CountsAsync(_app));
        var stored = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == kzMember));
        Assert.Equal("Эксперт", stored.Position.Ru);
        Assert.Null(stored.EndedOn);
    }

    [Fact]
    public async Task The_RU_secretary_cannot_add_edit_or_end_a_KZ_membership_nor_move_a_KZ_member_to_RU()
    {
        var kzMember = await Demo.MembershipOfAsync(_app, "kz.member");
        var before = await Demo.CountsAsync(_app);

        var add = await AssertForbiddenAsync(() => _app.SendAsAsync("ru.secretary", _demo.NewMember(_demo.KzSideId, "Добавлен секретарём РФ")));
        Assert.Equal("KZRU-07", add.RuleId);

        var edit = await Demo.EditFormAsync(_app, kzMember);
        edit.PositionRu = "Изменено секретарём РФ";
        await AssertForbiddenAsync(() => _app.SendAsAsync("ru.secretary", edit));

        var move = await Demo.EditFormAsync(_app, kzMember);
        move.SideId = _demo.RuSideId;
        await AssertForbiddenAsync(() => _app.SendAsAsync("ru.secretary", move));

        await AssertForbiddenAsync(() => _app.SendAsAsync("ru.secretary", EndCommand(edit, "Секретарь РФ завершил")));

        Assert.Equal(before, await Demo.CountsAsync(_app));
        var stored = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == kzMember));
        Assert.Equal(_demo.KzSideId, stored.SideId);
        Assert.Equal("Эксперт", stored.Position.Ru);
        Assert.Null(stored.EndedOn);
    }

    [Fact]
    public async Task The_KZ_secretary_cannot_move_a_KZ_member_to_RU_either()
    {
        var kzMember = await Demo.MembershipOfAsync(_app, "kz.member");
        var move = await Demo.EditFormAsync(_app, kzMember);
        move.SideId = _demo.RuSideId;

        await AssertForbiddenAsync(() => _app.SendAsAsync("kz.secretary", move));
    }

    [Fact]
    public async Task The_RU_secretary_manages_the_RU_side()
    {
        var id = await _app.SendAsAsync("ru.secretary", _demo.NewMember(_demo.RuSideId, "Новый Член Российской Части"));

        var stored = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(_demo.RuSideId, stored.SideId);
    }

    [Theory]
    [InlineData("kz.secretary")]
    [InlineData("admin")]
    public async Task The_KZ_secretary_and_the_administrator_add_edit_and_end_KZ_memberships(string userName)
    {
        var id = await _app.SendAsAsync(userName, _demo.NewMember(_demo.KzSideId, $"Назначен {userName}"));
        var added = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(_demo.KzSideId, added.SideId);
        Assert.Equal(CommissionRole.Member, added.Role);

        var form = (await _app.SendAsAsync(userName, new GetMembership.Query(id))).Form;
        form.PositionRu = $"Главный эксперт ({userName})";
        await _app.SendAsAsync(userName, form);
        var edited = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal($"Главный эксперт ({userName})", edited.Position.Ru);

        await _app.SendAsAsync(userName, EndCommand(await Demo.EditFormAsync(_app, id), "Освобождён"));
        var ended = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(Demo.Today, ended.EndedOn);
    }

    [Fact]
    public async Task The_administrator_may_move_a_member_to_the_other_side()
    {
        var id = await _app.SendAsAsync("admin", _demo.NewMember(_demo.KzSideId, "Переводимый Член"));
        var form = await Demo.EditFormAsync(_app, id);
        form.SideId = _demo.RuSideId;

        await _app.SendAsAsync("admin", form);

        Assert.Equal(_demo.RuSideId, await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.SideId).SingleAsync()));
    }

    [Fact]
    public async Task An_anonymous_request_is_refused()
    {
        var kzMember = await Demo.MembershipOfAsync(_app, "kz.member");
        var before = await Demo.CountsAsync(_app);

        await AssertForbiddenAsync(() => Demo.SendAnonymousAsync(_app, new GetRoster.Query(_demo.CommissionId)));
        await AssertForbiddenAsync(() => Demo.SendAnonymousAsync(_app, new ListCommissions.Query()));
        await AssertForbiddenAsync(() => Demo.SendAnonymousAsync(_app, new GetMembership.Query(kzMember)));
        await AssertForbiddenAsync(() => Demo.SendAnonymousAsync(_app, _demo.NewMember(_demo.KzSideId, "Аноним Добавленный")));

        Assert.Equal(before, await Demo.CountsAsync(_app));
    }

    [Fact]
    public async Task A_user_with_no_membership_in_the_commission_cannot_read_it()
    {
        await Demo.NewUserAsync(_app, "outsider");
        var kzMember = await Demo.MembershipOfAsync(_app, "kz.member");

        await AssertForbiddenAsync(() => _app.SendAsAsync("outsider", new GetRoster.Query(_demo.CommissionId)));
        await AssertForbiddenAsync(() => _app.SendAsAsync("outsider", new GetRoster.Query(_demo.CommissionId, IncludeEnded: true)));
        await AssertForbiddenAsync(() => _app.SendAsAsync("outsider", new GetProfile.Query(_demo.CommissionId)));
        await AssertForbiddenAsync(() => _app.SendAsAsync("outsider", new ListSides.Query(_demo.CommissionId)));
        await AssertForbiddenAsync(() => _app.SendAsAsync("outsider", new GetMembership.Query(kzMember)));
        Assert.Empty(await _app.SendAsAsync("outsider", new ListCommissions.Query()));
    }

    [Fact]
    public async Task Members_read_the_roster_and_only_the_own_sides_secretary_sees_it_as_manageable()
    {
        var asMember = await _app.SendAsAsync("kz.member", new GetRoster.Query(_demo.CommissionId));
        var asKzSecretary = await _app.SendAsAsync("kz.secretary", new GetRoster.Query(_demo.CommissionId));
        var asAdmin = await _app.SendAsAsync("admin", new GetRoster.Query(_demo.CommissionId));

        Assert.All(asMember.Sides, s => Assert.False(s.CanManage));
        Assert.True(asKzSecretary.Sides.Single(s => s.Code == "KZ").CanManage);
        Assert.False(asKzSecretary.Sides.Single(s => s.Code == "RU").CanManage);
        Assert.All(asAdmin.Sides, s => Assert.True(s.CanManage));
    }

    [Fact]
    public async Task Every_request_type_has_an_authorizer_registered()
    {
        var requestTypes = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .ToList();
        await using var scope = _app.Services.CreateAsyncScope();

        Assert.Contains(typeof(AddMembership.Command), requestTypes);
        Assert.Contains(typeof(GetRoster.Query), requestTypes);
        var missing = requestTypes
            .Where(t => !scope.ServiceProvider.GetServices(typeof(IAuthorizer<>).MakeGenericType(t)).Any())
            .Select(t => t.FullName)
            .ToList();
        Assert.True(missing.Count == 0, "Requests without an authorizer: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task A_request_without_an_authorizer_is_refused_by_default()
    {
        var behavior = new AuthorizationBehavior<Unguarded, int>([], new NoActor());

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => behavior.Handle(new Unguarded(), CancellationToken.None, () => Task.FromResult(1)));
        Assert.Contains("no authorization rule", ex.Message, StringComparison.Ordinal);
    }

    private static EndMembership.Command EndCommand(EditMembership.Command form, string reason) => new()
    {
        MembershipId = form.MembershipId,
        CommissionId = form.CommissionId,
        Version = form.Version,
        EndedOn = Demo.Today,
        Reason = reason,
    };

    private static async Task<ForbiddenException> AssertForbiddenAsync<T>(Func<Task<T>> send) =>
        await Assert.ThrowsAsync<ForbiddenException>(send);

    private sealed record Unguarded : IRequest<int>;

    private sealed class NoActor : IActorAccessor
    {
        public Task<Actor> GetActorAsync(CancellationToken cancellationToken) => Task.FromResult(Actor.Anonymous);
    }
}
