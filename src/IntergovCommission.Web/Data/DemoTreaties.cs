using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Treaties;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Data;

/// <summary>
/// WF-07 demo register of the KZRU commission: the 2025 agreement establishing it (seed 000) and the 2004 Baiterek agreement it works under
/// (seed 000, preamble and art. 6). Only what the seeds say is filled; the rest is left for the secretary ("not entered" in the report).
/// </summary>
public static class DemoTreaties
{
    public static async Task AddAsync(CommissionDbContext db, Guid commissionId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Treaties.AnyAsync(t => t.CommissionId == commissionId, ct))
        {
            return;
        }

        var kz = await db.Sides.Where(s => s.CommissionId == commissionId && s.Code == "KZ").Select(s => s.Id).SingleAsync(ct);
        var secretary = await db.Memberships.Where(m => m.CommissionId == commissionId && m.SideId == kz && m.Role == CommissionRole.Secretary && m.EndedOn == null)
            .Select(m => m.PersonId).FirstAsync(ct);
        db.Treaties.Add(new Treaty(Guid.CreateVersion7(), commissionId, kz, new TreatyDetails(
            "Соглашение между Правительством Республики Казахстан и Правительством Российской Федерации о создании на космодроме «Байконур» космического ракетного комплекса «Байтерек»",
            "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі арасындағы «Байқоңыр» ғарыш айлағында «Бәйтерек» ғарыш зымыран кешенін құру туралы келісім",
            new DateOnly(2004, 12, 22), null, null, null, null,
            "Министерство искусственного интеллекта и цифрового развития Республики Казахстан (Аэрокосмический комитет) — сводный",
            "Создание на космодроме «Байконур» космического ракетного комплекса «Байтерек»"), secretary, now));
        db.Treaties.Add(new Treaty(Guid.CreateVersion7(), commissionId, kz, new TreatyDetails(
            "Соглашение между Правительством Республики Казахстан и Правительством Российской Федерации о создании Казахстанско-российской межгосударственной комиссии по проведению летных испытаний космического ракетного комплекса «Союз-5» и космического ракетного комплекса «Байтерек»",
            "Қазақстан Республикасының Үкіметі мен Ресей Федерациясының Үкіметі арасындағы «Союз-5» ғарыш зымыран кешені мен «Бәйтерек» ғарыш зымыран кешенінің ұшу сынақтарын жүргізу жөнінде Қазақстан-Ресей мемлекетаралық комиссиясын құру туралы келісім",
            new DateOnly(2025, 11, 12), null, null,
            "Постановление Правительства Республики Казахстан от 25 декабря 2025 года № 1144 «Об утверждении Соглашения …»",
            "Временно применяется с 11-го календарного дня с даты подписания; вступает в силу с даты получения последнего письменного уведомления о выполнении внутригосударственных процедур; прекращает действие одновременно с прекращением действия Соглашения о «Байтереке» 2004 года (ст. 6)",
            "Министерство искусственного интеллекта и цифрового развития Республики Казахстан (Аэрокосмический комитет) — сводный",
            "Создание Межгосударственной комиссии; общее руководство летными испытаниями КРК «Союз-5» и КРК «Байтерек» (ст. 1, 3, 4)"), secretary, now));
        await db.SaveChangesAsync(ct);
    }
}
