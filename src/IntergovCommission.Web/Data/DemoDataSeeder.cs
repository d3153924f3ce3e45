using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Data;

/// <summary>
/// Reference data every installation has (the shipped profiles, the Administrator role) and the
/// demo commission of seeds 000/001: the Kazakh-Russian commission with 27 people on its roster.
/// </summary>
public sealed class DemoDataSeeder(CommissionDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public const string DemoPassword = "Demo-Password-2026";
    public const string CommissionCode = "KZRU";

    public static readonly IReadOnlyList<string> DemoUserNames =
        ["admin", "kz.cochair", "ru.cochair", "kz.deputy", "ru.deputy", "kz.secretary", "ru.secretary", "kz.member", "ru.member", "kz.representative"];

    public async Task EnsureReferenceDataAsync(CancellationToken ct = default)
    {
        foreach (var profile in Profiles.All)
        {
            if (!await db.RegulationProfiles.AnyAsync(p => p.Code == profile.Code && p.ProfileVersion == profile.Version, ct))
            {
                db.RegulationProfiles.Add(new RegulationProfileRecord(Guid.CreateVersion7(), profile, clock.GetUtcNow()));
                await db.SaveChangesAsync(ct);
            }
        }

        if (!await roles.RoleExistsAsync(HttpActorAccessor.AdministratorRole))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(HttpActorAccessor.AdministratorRole) { Id = Guid.CreateVersion7() });
        }
    }

    public async Task SeedDemoAsync(CancellationToken ct = default)
    {
        if (await db.Commissions.AnyAsync(c => c.Code == CommissionCode, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var profile = await db.RegulationProfiles.SingleAsync(p => p.Code == "KZRU" && p.ProfileVersion == 1, ct);
        var commission = new Commission(Guid.CreateVersion7(), CommissionCode, LocalizedText.Of(
            "«Союз-5» ғарыш зымыран кешені мен «Бәйтерек» ғарыш зымыран кешенінің ұшу сынақтарын жүргізу жөніндегі Қазақстан-Ресей мемлекетаралық комиссиясы",
            "Казахстанско-российская межгосударственная комиссия по проведению летных испытаний космического ракетного комплекса «Союз-5» и космического ракетного комплекса «Байтерек»",
            "Kazakh-Russian Interstate Commission for the flight tests of the Soyuz-5 space rocket complex and the Baiterek space rocket complex"), profile.Id, now);
        var kz = commission.AddSide(Guid.CreateVersion7(), "KZ",
            LocalizedText.Of("Қазақстан Республикасы", "Республика Казахстан", "Republic of Kazakhstan"), "Asia/Almaty",
            LocalizedText.Of("Қазақстан Республикасының Үкіметі", "Правительство Республики Казахстан", "Government of the Republic of Kazakhstan"),
            LocalizedText.Of("Қазақстан Республикасы Жасанды интеллект және цифрлық даму министрлігі", "Министерство искусственного интеллекта и цифрового развития Республики Казахстан", "Ministry of Artificial Intelligence and Digital Development of Kazakhstan"));
        var ru = commission.AddSide(Guid.CreateVersion7(), "RU",
            LocalizedText.Of("Ресей Федерациясы", "Российская Федерация", "Russian Federation"), "Europe/Moscow",
            LocalizedText.Of("Ресей Федерациясының Үкіметі", "Правительство Российской Федерации", "Government of the Russian Federation"),
            LocalizedText.Of("\"Роскосмос\" мемлекеттік корпорациясы", "Государственная корпорация «Роскосмос»", "State Corporation Roscosmos"));
        db.Commissions.Add(commission);

        var actDate = new DateOnly(2026, 2, 10);
        var termStart = new DateOnly(2026, 2, 10);
        var kzAct = ("№ 95", actDate);
        var ruAct = ("№ 312-р", actDate.AddDays(5));

        var roster = new List<(string? User, Side Side, CommissionRole Role, LocalizedText Name, LocalizedText Position, LocalizedText Organisation)>
        {
            ("kz.cochair", kz, CommissionRole.CoChair, Name("Нұрлан Қасымов", "Нурлан Касымов", "Nurlan Kassymov"),
                LocalizedText.Of("Аэроғарыш комитетінің төрағасы", "Председатель Аэрокосмического комитета", "Chairman of the Aerospace Committee"), KzMinistry()),
            ("kz.deputy", kz, CommissionRole.DeputyCoChair, Name("Әсел Бекова", "Асель Бекова", "Assel Bekova"),
                LocalizedText.Of("Аэроғарыш комитеті төрағасының орынбасары", "Заместитель председателя Аэрокосмического комитета", "Deputy Chairman of the Aerospace Committee"), KzMinistry()),
            ("kz.secretary", kz, CommissionRole.Secretary, Name("Дина Серікқызы", "Дина Серикказы", "Dina Serikkyzy"),
                LocalizedText.Of("Басқарма басшысы", "Руководитель управления", "Head of Division"), KzMinistry()),
            ("ru.cochair", ru, CommissionRole.CoChair, Name("Дмитрий Баранов", "Дмитрий Баранов", "Dmitry Baranov"),
                LocalizedText.Of("\"Роскосмос\" бас директорының орынбасары", "Заместитель генерального директора Госкорпорации «Роскосмос»", "Deputy Director General of Roscosmos"), Roscosmos()),
            ("ru.deputy", ru, CommissionRole.DeputyCoChair, Name("Александр Лопатин", "Александр Лопатин", "Alexander Lopatin"),
                LocalizedText.Of("\"Роскосмос\" бас директорының орынбасары", "Заместитель генерального директора Госкорпорации «Роскосмос»", "Deputy Director General of Roscosmos"), Roscosmos()),
            (null, ru, CommissionRole.DeputyCoChair, Name("Сергей Савельев", "Сергей Савельев", "Sergey Savelyev"),
                LocalizedText.Of("\"Роскосмос\" бас директорының орынбасары", "Заместитель генерального директора Госкорпорации «Роскосмос»", "Deputy Director General of Roscosmos"), Roscosmos()),
            ("ru.secretary", ru, CommissionRole.Secretary, Name("Ольга Миронова", "Ольга Миронова", "Olga Mironova"),
                LocalizedText.Of("Департамент басшысы", "Начальник отдела", "Head of Department"), Roscosmos()),
            ("ru.member", ru, CommissionRole.Member, Name("Равиль Ахметов", "Равиль Ахметов", "Ravil Akhmetov"),
                LocalizedText.Of("Бас директордың орынбасары", "Заместитель генерального директора", "Deputy Director General"), LocalizedText.Of("\"Прогресс\" РЗО", "АО «РКЦ «Прогресс»", "Progress Rocket Space Centre")),
            (null, ru, CommissionRole.Member, Name("Леонид Баранов", "Леонид Баранов", "Leonid Baranov"),
                LocalizedText.Of("Бас директордың кеңесшісі", "Советник генерального директора", "Adviser to the Director General"), LocalizedText.Of("\"Энергия\" РҒК", "ПАО «РКК «Энергия»", "RSC Energia")),
        };

        string[] kzMembers = ["Ерлан Жақсылықов", "Гүлнар Омарова", "Бауыржан Сейітов", "Айгерім Нұрланова", "Тимур Ахметжанов", "Мадина Қайратова", "Руслан Тоқтаров", "Жанна Әлиева", "Арман Дүйсенов", "Самал Ержанова"];
        string[] kzMembersRu = ["Ерлан Жаксылыков", "Гульнар Омарова", "Бауыржан Сеитов", "Айгерим Нурланова", "Тимур Ахметжанов", "Мадина Кайратова", "Руслан Токтаров", "Жанна Алиева", "Арман Дуйсенов", "Самал Ержанова"];
        string[] kzMembersEn = ["Yerlan Zhaksylykov", "Gulnar Omarova", "Baurzhan Seitov", "Aigerim Nurlanova", "Timur Akhmetzhanov", "Madina Kairatova", "Ruslan Toktarov", "Zhanna Alieva", "Arman Duisenov", "Samal Yerzhanova"];
        for (var i = 0; i < kzMembers.Length; i++)
        {
            roster.Add((i == 0 ? "kz.member" : null, kz, CommissionRole.Member, Name(kzMembers[i], kzMembersRu[i], kzMembersEn[i]),
                LocalizedText.Of("Сарапшы", "Эксперт", "Expert"), KzMinistry()));
        }

        string[] ruMembers = ["Игорь Волков", "Марина Соколова", "Андрей Кузнецов", "Наталья Павлова", "Виктор Морозов", "Елена Фёдорова", "Павел Никитин", "Юлия Орлова"];
        string[] ruMembersEn = ["Igor Volkov", "Marina Sokolova", "Andrey Kuznetsov", "Natalia Pavlova", "Viktor Morozov", "Elena Fedorova", "Pavel Nikitin", "Yulia Orlova"];
        for (var i = 0; i < ruMembers.Length; i++)
        {
            roster.Add((null, ru, CommissionRole.Member, Name(ruMembers[i], ruMembers[i], ruMembersEn[i]),
                LocalizedText.Of("Сарапшы", "Эксперт", "Expert"), Roscosmos()));
        }

        foreach (var entry in roster)
        {
            var person = new Person(Guid.CreateVersion7(), entry.Name, entry.User is null ? null : $"{entry.User}@demo.local", null, now);
            db.People.Add(person);
            var act = entry.Side == kz ? kzAct : ruAct;
            db.Memberships.Add(new Membership(Guid.CreateVersion7(), commission.Id, entry.Side.Id, person.Id, entry.Role,
                new MembershipDetails(entry.Position, entry.Organisation, entry.Side.AppointingAuthority, act.Item1, act.Item2, termStart, null)));
            if (entry.User is not null)
            {
                await CreateUserAsync(entry.User, entry.Name.Ru ?? entry.User, person.Id);
            }
        }

        // A representative (KZRU-15): on the roster, never votes, never signs.
        var representative = new Person(Guid.CreateVersion7(), Name("Қанат Мұратов", "Канат Муратов", "Kanat Muratov"), "kz.representative@demo.local", null, now);
        db.People.Add(representative);
        db.Memberships.Add(new Membership(Guid.CreateVersion7(), commission.Id, kz.Id, representative.Id, CommissionRole.Representative,
            new MembershipDetails(LocalizedText.Of("Өкіл", "Представитель", "Representative"), KzMinistry(), LocalizedText.Empty, null, null, termStart, null)));
        await CreateUserAsync("kz.representative", representative.FullName.Ru!, representative.Id);

        await db.SaveChangesAsync(ct);

        var admin = await CreateUserAsync("admin", "Администратор", null);
        await users.AddToRoleAsync(admin, HttpActorAccessor.AdministratorRole);
        await DemoTreaties.AddAsync(db, commission.Id, now, ct);
        logger.LogInformation("Seeded the demo commission {Code} with {Count} people on its roster.", CommissionCode, roster.Count + 1);
    }

    private async Task<AppUser> CreateUserAsync(string userName, string displayName, Guid? personId)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            Email = $"{userName}@demo.local",
            DisplayName = displayName,
            PersonId = personId,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    private static LocalizedText Name(string kk, string ru, string en) => LocalizedText.Of(kk, ru, en);

    private static LocalizedText KzMinistry() => LocalizedText.Of(
        "ҚР Жасанды интеллект және цифрлық даму министрлігінің Аэроғарыш комитеті",
        "Аэрокосмический комитет Министерства искусственного интеллекта и цифрового развития РК",
        "Aerospace Committee, Ministry of AI and Digital Development of Kazakhstan");

    private static LocalizedText Roscosmos() => LocalizedText.Of(
        "\"Роскосмос\" мемлекеттік корпорациясы", "Госкорпорация «Роскосмос»", "State Corporation Roscosmos");
}
