using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Data;

/// <summary>
/// The second demo body, on the CIS profile (seed 002): the Council on Industrial Policy with seven
/// states (one member each, some substitutes), an advisory member, an observer, an expert, the
/// secretariat, the chair's rotation recorded, and a session in preparation whose second item
/// directly affects Kyrgyzstan (CIS-11). The KZRU demo is untouched.
/// </summary>
public sealed class DemoCouncilSeeder(CommissionDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoCouncilSeeder> logger)
{
    public const string CommissionCode = "CIS-IP";

    public static readonly IReadOnlyList<string> DemoUserNames =
        ["cis.chair", "cis.cochair", "cis.kg.head", "cis.ru.head", "cis.by.substitute", "cis.secretariat", "cis.advisory"];

    /// <param name="HeadKk">The head's name in Kazakh spelling where it differs from the Russian (CIS-13: the council's documents print the Russian form).</param>
    private sealed record StateSeed(string Code, string Kk, string Ru, string En, string Zone, string HeadRu, string HeadEn, string? User, string? HeadKk = null);

    private static readonly StateSeed[] States =
    [
        new("AM", "Армения", "Армения", "Armenia", "Asia/Yerevan", "Арам Саргсян", "Aram Sargsyan", null),
        new("BY", "Беларусь", "Беларусь", "Belarus", "Europe/Minsk", "Виктор Лукашевич", "Viktor Lukashevich", "cis.cochair"),
        new("KZ", "Қазақстан", "Казахстан", "Kazakhstan", "Asia/Almaty", "Ерлан Жаксыбеков", "Yerlan Zhaksybekov", "cis.chair", "Ерлан Жақсыбеков"),
        new("KG", "Қырғызстан", "Кыргызстан", "Kyrgyzstan", "Asia/Bishkek", "Алмаз Токтогулов", "Almaz Toktogulov", "cis.kg.head"),
        new("RU", "Ресей", "Россия", "Russia", "Europe/Moscow", "Павел Морозов", "Pavel Morozov", "cis.ru.head"),
        new("TJ", "Тәжікстан", "Таджикистан", "Tajikistan", "Asia/Dushanbe", "Фаррух Рахимов", "Farrukh Rakhimov", null),
        new("UZ", "Өзбекстан", "Узбекистан", "Uzbekistan", "Asia/Tashkent", "Бахтиёр Юсупов", "Bakhtiyor Yusupov", null),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Commissions.AnyAsync(c => c.Code == CommissionCode, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var profile = await db.RegulationProfiles.SingleAsync(p => p.Code == Profiles.Cis.Code && p.ProfileVersion == Profiles.Cis.Version, ct);
        var council = new Commission(Guid.CreateVersion7(), CommissionCode, LocalizedText.Of(
            "ТМД-ға қатысушы мемлекеттердің Өнеркәсіптік саясат жөніндегі кеңесі",
            "Совет по промышленной политике государств — участников СНГ",
            "CIS Council on Industrial Policy"), profile.Id, now);
        var sides = new Dictionary<string, Side>();
        foreach (var state in States)
        {
            sides[state.Code] = council.AddSide(Guid.CreateVersion7(), state.Code, LocalizedText.Of(state.Kk, state.Ru, state.En), state.Zone,
                LocalizedText.Of(state.Kk + " Үкіметі", "Правительство (" + state.Ru + ")", "Government of " + state.En), LocalizedText.Empty);
        }

        db.Commissions.Add(council);
        var termStart = today.AddMonths(-6);
        foreach (var state in States)
        {
            await SeatAsync(council.Id, sides[state.Code], CommissionRole.Member, LocalizedText.Of(state.HeadKk ?? state.HeadRu, state.HeadRu, state.HeadEn),
                LocalizedText.Of("Өнеркәсіп министрі", "Министр промышленности", "Minister of Industry"), state.User, termStart, now);
        }

        // CIS-01: substitutes (credentials confirmed per session by the secretariat).
        await SeatAsync(council.Id, sides["BY"], CommissionRole.Substitute, LocalizedText.Of("Ольга Ковалёва", "Ольга Ковалёва", "Olga Kovaleva"),
            LocalizedText.Of("Өнеркәсіп министрінің орынбасары", "Заместитель министра промышленности", "Deputy Minister of Industry"), "cis.by.substitute", termStart, now);
        await SeatAsync(council.Id, sides["KZ"], CommissionRole.Substitute, LocalizedText.Of("Айгүл Сейітова", "Айгуль Сеитова", "Aigul Seitova"),
            LocalizedText.Of("Вице-министр", "Вице-министр промышленности", "Vice Minister of Industry"), null, termStart, now);
        // CIS-02: the head of the secretariat sits with an advisory vote; CIS-07: an observer and an expert.
        await SeatAsync(council.Id, sides["KZ"], CommissionRole.Secretary, LocalizedText.Of("Динара Ахметова", "Динара Ахметова", "Dinara Akhmetova"),
            LocalizedText.Of("Кеңес хатшылығы", "Секретариат Совета", "Council secretariat"), "cis.secretariat", termStart, now);
        await SeatAsync(council.Id, null, CommissionRole.AdvisoryMember, LocalizedText.Of("Игорь Петренко", "Игорь Петренко", "Igor Petrenko"),
            LocalizedText.Of("ТМД Атқарушы комитетінің өкілі", "Представитель Исполнительного комитета СНГ", "CIS Executive Committee representative"), "cis.advisory", termStart, now);
        await SeatAsync(council.Id, null, CommissionRole.Observer, LocalizedText.Of("Нина Давтян", "Нина Давтян", "Nina Davtyan"),
            LocalizedText.Of("Байқаушы", "Наблюдатель (ЕАЭК)", "Observer (EEC)"), null, termStart, now);
        await SeatAsync(council.Id, null, CommissionRole.Expert, LocalizedText.Of("Сергей Волков", "Сергей Волков", "Sergey Volkov"),
            LocalizedText.Of("Сарапшы", "Эксперт (Ассоциация машиностроителей)", "Expert (Machine Builders' Association)"), null, termStart, now);
        await db.SaveChangesAsync(ct);

        // CIS-03: Belarus chaired the past term, Kazakhstan chairs now; Kyrgyzstan is next (Russian alphabetical order):
        // Belarus's and Kyrgyzstan's heads are the co-chairs (cis.cochair is Belarus's head).
        var currentStart = today.AddMonths(-3);
        db.Chairmanships.Add(new Chairmanship(Guid.CreateVersion7(), council.Id, sides["BY"].Id, currentStart.AddMonths(-12), currentStart.AddDays(-1), string.Empty, now, null));
        db.Chairmanships.Add(new Chairmanship(Guid.CreateVersion7(), council.Id, sides["KZ"].Id, currentStart, currentStart.AddMonths(12).AddDays(-1), string.Empty, now, null));

        // A regular session in preparation, 40 days ahead (CIS-10: materials 30 days before).
        var session = new Session(Guid.CreateVersion7(), council.Id, 1,
            new SessionSetting(SessionKind.Regular, SessionFormat.InPerson, "Астана, Дом министерств", null, now.AddDays(40), "Asia/Almaty"), now);
        session.AddItem(Guid.CreateVersion7(), new AgendaItemContent(LocalizedText.Of(null, "О плане работы Совета на 2027 год", "On the Council's work plan for 2027"),
            "Д. Ахметова", DecisionKind.Other, LocalizedText.Of(null, "Утвердить план работы Совета на 2027 год.", null)));
        var affecting = session.AddItem(Guid.CreateVersion7(), new AgendaItemContent(LocalizedText.Of(null, "О совместном проекте станкостроения в Кыргызстане", "On the joint machine-tool project in the Kyrgyz Republic"),
            "А. Токтогулов", DecisionKind.Other, LocalizedText.Of(null, "Одобрить совместный проект и поручить секретариату подготовить соглашение.", null)));
        affecting.MarkAffected([sides["KG"].Id]);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the demo council {Code} with {States} states.", CommissionCode, States.Length);
    }

    private async Task SeatAsync(Guid commissionId, Side? side, CommissionRole role, LocalizedText name, LocalizedText position, string? userName, DateOnly termStart, DateTimeOffset now)
    {
        var person = new Person(Guid.CreateVersion7(), name, userName is null ? null : $"{userName}@demo.local", null, now);
        db.People.Add(person);
        db.Memberships.Add(new Membership(Guid.CreateVersion7(), commissionId, side?.Id, person.Id, role,
            new MembershipDetails(position, position, side?.AppointingAuthority ?? LocalizedText.Empty, role == CommissionRole.Member ? "№ 1" : null, role == CommissionRole.Member ? termStart : null, termStart, null)));
        if (userName is not null)
        {
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = userName, Email = $"{userName}@demo.local", DisplayName = name.Ru ?? userName, PersonId = person.Id, CreatedAt = now };
            var result = await users.CreateAsync(user, DemoDataSeeder.DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
