using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests;

/// <summary>Refused input saves nothing: validation names the field, the regulation names the rule.</summary>
public sealed class BadInputTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TestApp _app = fixture.App;
    private readonly Demo _demo = fixture.Demo;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_empty_position_is_refused_naming_PositionRu_and_nothing_is_saved(string? position)
    {
        var before = await Demo.CountsAsync(_app);
        var command = _demo.NewMember(_demo.KzSideId, "Без Должности");
        command.PositionRu = position;

        var ex = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", command));

        Assert.Equal([nameof(MembershipFields.PositionRu)], ex.Errors.Keys);
        Assert.All(ex.Errors[nameof(MembershipFields.PositionRu)], m => Assert.False(string.IsNullOrWhiteSpace(m)));
        Assert.Equal(before, await Demo.CountsAsync(_app));
        Assert.False(await _app.QueryAsync(db => db.People.AnyAsync(p => p.FullName.Ru == "Без Должности")));
    }

    [Fact]
    public async Task Every_invalid_field_is_named_at_once()
    {
        var command = _demo.NewMember(_demo.KzSideId, "");
        command.PositionRu = "";
        command.OrganisationRu = null;
        command.TermStart = Demo.Today;
        command.TermEnd = Demo.Today.AddDays(-1);
        command.Email = "not-an-address";
        command.AppointingActNumber = new string('9', 65);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", command));

        Assert.Equal(
            new[] { "AppointingActNumber", "Email", "FullNameRu", "OrganisationRu", "PositionRu", "TermEnd" },
            ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_active_membership_of_the_same_person_is_refused_KZRU_01_and_nothing_is_saved()
    {
        var before = await Demo.CountsAsync(_app);
        var command = _demo.NewMember(_demo.RuSideId, "ignored");
        command.ExistingPersonId = await Demo.PersonOfAsync(_app, "ru.member");

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => _app.SendAsAsync("ru.secretary", command));

        Assert.Equal("KZRU-01", ex.RuleId);
        Assert.Equal("Rule.Composition.Duplicate", ex.Key);
        Assert.Equal(before, await Demo.CountsAsync(_app));
    }

    [Fact]
    public async Task A_second_KZ_co_chair_is_refused_KZRU_01_and_the_new_person_is_not_saved()
    {
        var before = await Demo.CountsAsync(_app);

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() =>
            _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Второй Сопредседатель", CommissionRole.CoChair)));

        Assert.Equal("KZRU-01", ex.RuleId);
        Assert.Equal("Rule.Composition.SeatTaken", ex.Key);
        Assert.Equal(before, await Demo.CountsAsync(_app));
    }

    [Fact]
    public async Task Promoting_a_KZ_member_to_a_taken_KZ_secretary_seat_is_refused_KZRU_01()
    {
        var membership = await Demo.MembershipOfAsync(_app, "kz.member");
        var form = await Demo.EditFormAsync(_app, membership);
        form.Role = CommissionRole.Secretary;

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => _app.SendAsAsync("kz.secretary", form));

        Assert.Equal("KZRU-01", ex.RuleId);
        Assert.Equal(CommissionRole.Member, await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == membership).Select(m => m.Role).SingleAsync()));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task A_member_without_the_appointing_act_is_refused_KZRU_02(bool withNumber, bool withDate)
    {
        var before = await Demo.CountsAsync(_app);
        var command = _demo.NewMember(_demo.KzSideId, "Без Акта");
        command.AppointingActNumber = withNumber ? "№ 7" : null;
        command.AppointingActDate = withDate ? Demo.Today : null;

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => _app.SendAsAsync("kz.secretary", command));

        Assert.Equal("KZRU-02", ex.RuleId);
        Assert.Equal("Rule.Composition.ActRequired", ex.Key);
        Assert.Equal(before, await Demo.CountsAsync(_app));
    }

    [Fact]
    public async Task A_representative_needs_no_appointing_act()
    {
        var command = _demo.NewMember(_demo.KzSideId, "Представитель Без Акта", CommissionRole.Representative);
        command.AppointingActNumber = null;
        command.AppointingActDate = null;
        command.AppointingAuthorityRu = null;

        var id = await _app.SendAsAsync("kz.secretary", command);

        var stored = await _app.QueryAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(CommissionRole.Representative, stored.Role);
        Assert.Null(stored.AppointingActNumber);
    }

    [Fact]
    public async Task A_person_that_does_not_exist_is_refused_naming_ExistingPersonId()
    {
        var before = await Demo.CountsAsync(_app);
        var command = _demo.NewMember(_demo.KzSideId, "ignored");
        command.ExistingPersonId = Guid.NewGuid();

        var ex = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", command));

        Assert.Contains(nameof(AddMembership.Command.ExistingPersonId), ex.Errors.Keys);
        Assert.Equal(before, await Demo.CountsAsync(_app));
    }

    [Fact]
    public async Task An_ended_membership_cannot_be_edited()
    {
        var id = await _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Завершённый Член"));
        var form = await Demo.EditFormAsync(_app, id);
        await _app.SendAsAsync("kz.secretary", new EndMembership.Command { MembershipId = id, CommissionId = form.CommissionId, Version = form.Version, EndedOn = Demo.Today, Reason = "Истёк срок" });
        var afterEnd = await Demo.EditFormAsync(_app, id);
        afterEnd.PositionRu = "Правка истории";

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => _app.SendAsAsync("kz.secretary", afterEnd));

        Assert.Equal("Rule.Membership.EndedIsHistory", ex.Key);
        Assert.Equal("Эксперт", await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.Position.Ru).SingleAsync()));
    }

    [Fact]
    public async Task Ending_without_a_date_or_a_reason_is_refused_naming_both()
    {
        var id = await Demo.MembershipOfAsync(_app, "kz.member");
        var form = await Demo.EditFormAsync(_app, id);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            _app.SendAsAsync("kz.secretary", new EndMembership.Command { MembershipId = id, CommissionId = form.CommissionId, Version = form.Version, Reason = " " }));

        Assert.Equal(new[] { "EndedOn", "Reason" }, ex.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.EndedOn).SingleAsync()));
    }
}
