namespace IntergovCommission.Documents;

/// <summary>
/// The annual report on the execution of a bilateral treaty in force (WF-07; the form of annex 1 to the Rules approved by Decree of the
/// President of Kazakhstan No. 1037 of 12 August 2010): fields (1)-(12). Field (9) carries the figures of the year (<see cref="Statistics"/>)
/// and what the secretariat adds (<see cref="Measures"/>); (11) is left for the Ministry of Foreign Affairs.
/// </summary>
/// <param name="Proposal">(12) 1 continue, 2 suspend, 3 terminate, 4 extend, 5 other; null while not chosen.</param>
public sealed record TreatyReportDocument(
    BilingualText CommissionName,
    int Year,
    DateOnly Deadline,
    DateOnly AsOf,
    BilingualText Name,
    DateOnly ConcludedOn,
    string? SigningActs,
    DateOnly? InForceOn,
    string? InForceActs,
    string? Validity,
    string? ResponsibleBodies,
    string? Subject,
    BilingualText Statistics,
    string? Measures,
    string? Problems,
    int? Proposal,
    string? ProposalText);

/// <summary>One line of the annex 1 form: its number, the requisite in Kazakh and Russian, and the information.</summary>
public sealed record TreatyReportLine(int Number, BilingualText Requisite, string Information);

/// <summary>The annex 1 form's wording (Kazakh from seed 004, Russian from the official translation) and the lines of one report, for the PDF and the DOCX alike.</summary>
public static class TreatyReportForm
{
    public static BilingualText Title { get; } = new(
        "Қазақстан Республикасының күшіне енген екіжақты халықаралық шарты бойынша мәліметтер",
        "Сведения по двустороннему международному договору Республики Казахстан, вступившему в силу");

    public static BilingualText RequisiteHeader { get; } = new("Мәліметтердің деректемелері", "Реквизиты сведений");

    public static BilingualText InformationHeader { get; } = new("Мемлекеттік органдардың ақпараты", "Информация государственных органов");

    public static BilingualText ForMinistry { get; } = new("Қазақстан Республикасы Сыртқы істер министрлігі толтырады", "Заполняется Министерством иностранных дел Республики Казахстан");

    public static BilingualText NotEntered { get; } = new("енгізілмеген", "не внесено");

    public static BilingualText ProposalName(int proposal) => proposal switch
    {
        1 => new("1) орындауды жалғастыру", "1) продолжить исполнение"),
        2 => new("2) іс-қимылды тоқтата тұру", "2) приостановить действие"),
        3 => new("3) іс-қимылды тоқтату", "3) прекратить действие"),
        4 => new("4) іс-қимылды ұзарту", "4) продлить действие"),
        _ => new("5) өзге", "5) иное"),
    };

    public static IReadOnlyList<BilingualText> Requisites { get; } =
    [
        new("Халықаралық шарттың толық, ресми атауы", "Полное официальное наименование международного договора"),
        new("Халықаралық шартты жасасу күні", "Дата заключения международного договора"),
        new("Халықаралық шартқа қол қою туралы нормативтік құқықтық актілер (атауы, күні мен нөмірі)", "Нормативные правовые акты о подписании международного договора (наименование, дата и номер)"),
        new("Халықаралық шарттың күшіне ену күні", "Дата вступления международного договора в силу"),
        new("Халықаралық шарттың күшіне енуі үшін қажетті мемлекетішілік рәсімдердің орындалуы туралы нормативтік құқықтық актілер (атауы, күні мен нөмірі)",
            "Нормативные правовые акты о выполнении внутригосударственных процедур, необходимых для вступления международного договора в силу (наименование, дата и номер)"),
        new("Қолданылу мерзімі (қолданылу мерзімінің аяқталу күні)", "Срок действия (дата окончания срока действия)"),
        new("Халықаралық шарттың іске асырылуына жауапты, оның реттеу нысанасы құзыретіне кіретін орталық мемлекеттік орган (бірнеше орталық мемлекеттік орган болған кезде жинақтаушыны белгілеп, барлығын көрсету)",
            "Центральный государственный орган, ответственный за реализацию международного договора, к компетенции которого относится предмет его регулирования (при наличии нескольких — указать все, отметив сводный)"),
        new("Халықаралық шарттың реттеу нысанасы", "Предмет регулирования международного договора"),
        new("Есепті кезең ішіндегі халықаралық шартты іске асыру барысын талдау (статистика, халықаралық шартты орындау шеңберіндегі іс-шараларды жүзеге асыру, контрагенттің өз міндеттемелерін орындауы)",
            "Анализ хода реализации международного договора за отчётный период (статистика, осуществление мероприятий в рамках исполнения международного договора, исполнение контрагентом своих обязательств)"),
        new("Халықаралық шартты іске асыруға байланысты проблемалық мәселелердің болуы және оларды шешу бойынша ұсыныстар",
            "Наличие проблемных вопросов, связанных с реализацией международного договора, и предложения по их решению"),
        new("Халықаралық шартты іске асыру тиімділігін сыртқы саяси бағалау (Қазақстан Республикасы Сыртқы істер министрлігі жүзеге асырады)",
            "Внешнеполитическая оценка эффективности реализации международного договора (осуществляется Министерством иностранных дел Республики Казахстан)"),
        new("Халықаралық шарттың ережелерін одан әрі іске асыру жөніндегі ұсыныстар (мына іс-қимылдардың біреуін көрсету: 1) орындауды жалғастыру; 2) іс-қимылды тоқтата тұру; 3) іс-қимылды тоқтату; 4) іс-қимылды ұзарту; 5) өзге (көрсету))",
            "Предложения по дальнейшей реализации положений международного договора (указать одно из действий: 1) продолжить исполнение; 2) приостановить действие; 3) прекратить действие; 4) продлить действие; 5) иное (указать))"),
    ];

    /// <summary>The twelve lines of the form, in order.</summary>
    public static IReadOnlyList<TreatyReportLine> Lines(TreatyReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string Or(string? value) => string.IsNullOrWhiteSpace(value) ? NotEntered.ToString() : value;
        var name = string.Equals(report.Name.Kk, report.Name.Ru, StringComparison.Ordinal) ? report.Name.Ru : $"{report.Name.Kk}\n{report.Name.Ru}";
        var statistics = $"{report.Statistics.Kk}\n{report.Statistics.Ru}" + (string.IsNullOrWhiteSpace(report.Measures) ? string.Empty : "\n" + report.Measures);
        var proposal = report.Proposal is int p
            ? ProposalName(p).ToString() + (string.IsNullOrWhiteSpace(report.ProposalText) ? string.Empty : "\n" + report.ProposalText)
            : Or(report.ProposalText);
        string[] values =
        [
            name,
            Date(report.ConcludedOn),
            Or(report.SigningActs),
            report.InForceOn is DateOnly inForce ? Date(inForce) : Or(null),
            Or(report.InForceActs),
            Or(report.Validity),
            Or(report.ResponsibleBodies),
            Or(report.Subject),
            statistics,
            Or(report.Problems),
            ForMinistry.ToString(),
            proposal,
        ];
        return [.. values.Select((v, i) => new TreatyReportLine(i + 1, Requisites[i], v))];
    }

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
