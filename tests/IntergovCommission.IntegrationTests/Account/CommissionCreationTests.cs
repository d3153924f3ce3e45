using System.Globalization;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Account;

public sealed class CommissionCreationTests
{
    [Fact]
    public async Task An_administrator_creates_a_commission_with_its_profile_and_national_parts()
    {
        await using var app = await TestApp.CreateAsync();
        var profileId = await AdministrationTests.ProfileIdAsync(app);
        var command = ValidCommission("kzru-2", profileId);
        command.Sides.Add(new CreateCommission.SideInput()); // a spare row left blank is not a side

        var id = await app.SendAsAsync("admin", command);

        var stored = await app.QueryAsync(db => db.Commissions.AsNoTracking().Include(c => c.Sides).SingleAsync(c => c.Id == id));
        Assert.Equal("KZRU-2", stored.Code);
        Assert.Equal(profileId, stored.ProfileId);
        Assert.Equal("Тестовая комиссия", stored.Name.Ru);
        Assert.Equal(["KZ", "RU"], stored.Sides.Select(s => s.Code).Order().ToArray());
        var kz = stored.Sides.Single(s => s.Code == "KZ");
        Assert.Equal("Asia/Almaty", kz.TimeZoneId);
        Assert.Equal("Правительство Республики Казахстан", kz.AppointingAuthority.Ru);
        Assert.Equal("Министерство искусственного интеллекта и цифрового развития Республики Казахстан", kz.NominatingBody.Ru);
        Assert.Contains(await app.SendAsAsync("admin", new ListCommissions.Query()), c => c.Id == id);
    }

    [Fact]
    public async Task A_commission_code_already_in_use_is_refused_on_the_code_field()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var app = await TestApp.CreateAsync();
        var before = await app.QueryAsync(db => db.Commissions.CountAsync());

        var refused = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", ValidCommission(" kzru ", null)));

        Assert.Equal("A commission with the code KZRU already exists.", Assert.Single(refused.Errors["Code"]));
        Assert.True(refused.Errors.ContainsKey("ProfileId"));
        Assert.Equal(before, await app.QueryAsync(db => db.Commissions.CountAsync()));
    }

    [Fact]
    public async Task Each_side_needs_an_iana_zone_its_kzru02_bodies_and_a_code_of_its_own()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var app = await TestApp.CreateAsync();
        var command = ValidCommission("NEW", await AdministrationTests.ProfileIdAsync(app));
        command.Sides[0].AppointingAuthorityRu = " ";
        command.Sides[1].TimeZoneId = "Mars/Olympus_Mons";
        command.Sides.Add(Side("kz", "Asia/Almaty"));
        var sidesBefore = await app.QueryAsync(db => db.Sides.CountAsync());

        var refused = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", command));

        Assert.StartsWith("Under cl. 11 of the Regulation", Assert.Single(refused.Errors["Sides[0].AppointingAuthorityRu"]), StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus_Mons", Assert.Single(refused.Errors["Sides[1].TimeZoneId"]), StringComparison.Ordinal);
        Assert.Contains("KZ", Assert.Single(refused.Errors["Sides[2].Code"]), StringComparison.Ordinal);
        Assert.False(refused.Errors.ContainsKey("Sides[0].TimeZoneId"));
        Assert.Equal(sidesBefore, await app.QueryAsync(db => db.Sides.CountAsync()));
        Assert.False(await app.QueryAsync(db => db.Commissions.AnyAsync(c => c.Code == "NEW")));

        var lonely = ValidCommission("ALONE", await AdministrationTests.ProfileIdAsync(app));
        lonely.Sides.RemoveAt(1);
        var one = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", lonely));
        Assert.Contains("cl. 11", Assert.Single(one.Errors["Sides"]), StringComparison.Ordinal);

        var windows = ValidCommission("WIN", await AdministrationTests.ProfileIdAsync(app));
        windows.Sides[1].TimeZoneId = "Russian Standard Time";
        Assert.True((await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", windows))).Errors.ContainsKey("Sides[1].TimeZoneId"));
    }

    internal static CreateCommission.Command ValidCommission(string code, Guid? profileId) => new()
    {
        Code = code,
        NameRu = "Тестовая комиссия",
        NameKk = "Сынақ комиссиясы",
        NameEn = "Test commission",
        ProfileId = profileId,
        Sides = [Side("KZ", "Asia/Almaty"), Side("RU", "Europe/Moscow")],
    };

    private static CreateCommission.SideInput Side(string code, string zone) => string.Equals(code, "RU", StringComparison.OrdinalIgnoreCase)
        ? new()
        {
            Code = code,
            NameRu = "Российская Федерация",
            TimeZoneId = zone,
            AppointingAuthorityRu = "Правительство Российской Федерации",
            NominatingBodyRu = "Государственная корпорация «Роскосмос»",
        }
        : new()
        {
            Code = code,
            NameRu = "Республика Казахстан",
            NameKk = "Қазақстан Республикасы",
            TimeZoneId = zone,
            AppointingAuthorityRu = "Правительство Республики Казахстан",
            NominatingBodyRu = "Министерство искусственного интеллекта и цифрового развития Республики Казахстан",
        };
}
