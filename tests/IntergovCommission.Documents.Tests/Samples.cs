namespace IntergovCommission.Documents.Tests;

/// <summary>Realistic documents of the Kazakh-Russian commission (seed 000) for the tests.</summary>
internal static class Samples
{
    public static readonly BilingualText Commission = new(
        "«Союз-5» және «Бәйтерек» ғарыш зымыран кешендерінің ұшу сынақтары жөніндегі Қазақстан-Ресей үкіметаралық комиссиясы",
        "Казахстанско-российская межправительственная комиссия по лётным испытаниям космических ракетных комплексов «Союз-5» и «Байтерек»");

    public static readonly BilingualText Kazakhstan = new("Қазақстан тарапы", "Казахстанская сторона");
    public static readonly BilingualText Russia = new("Ресей тарапы", "Российская сторона");
    public static readonly BilingualText Member = new("Комиссия мүшесі", "Член Комиссии");
    public static readonly BilingualText Secretary = new("Комиссия хатшысы", "Секретарь Комиссии");

    public static readonly TimeSpan Astana = TimeSpan.FromHours(5);
    public static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    public const string Hash = "3f2a9c1b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2a3b4c";

    public static readonly string[] Signers =
        ["Ержан Сәрсенбаев", "Айгүл Нұрғалиева", "Иван Петров", "Ольга Смирнова", "Дмитрий Кузнецов"];

    public static readonly string[] TextKk =
    [
        "«Бәйтерек» ғарыш зымыран кешенінің «Союз-5» зымыран тасығышымен ұшу сынақтарын 2026 жылғы 15 желтоқсанда бастау туралы ұсыныс мақұлдансын.",
        "Тараптардың техникалық басшылығына ұшыру алдындағы дайындық жұмыстарының кестесін он жұмыс күні ішінде келісу тапсырылсын.",
        "Қауіпсіздік талаптарының орындалуын бақылау Мемлекеттік комиссияның техникалық басшысына жүктелсін; ол әрбір кезеңнің нәтижелері туралы тең төрағаларға хабарлайды.",
    ];

    public static readonly string[] TextRu =
    [
        "Одобрить предложение о начале лётных испытаний космического ракетного комплекса «Байтерек» с ракетой-носителем «Союз-5» 15 декабря 2026 года.",
        "Поручить техническому руководству Сторон в течение десяти рабочих дней согласовать график предстартовых подготовительных работ.",
        "Возложить контроль за выполнением требований безопасности на технического руководителя Государственной комиссии, который информирует сопредседателей о результатах каждого этапа.",
    ];

    public const string DissentText =
        "Считаю преждевременным назначать дату начала лётных испытаний до завершения автономных испытаний системы управления третьей ступени.\n" +
        "Предлагаю перенести начало испытаний на срок не ранее чем через тридцать рабочих дней после утверждения отчёта об автономных испытаниях.";

    public static DecisionDocument Decision(int copies = 2) => new(
        Commission,
        Number: "5-3",
        Date: new DateOnly(2026, 11, 21),
        Place: new("Байқоңыр қаласы", "г. Байконур"),
        SessionNumber: 5,
        AgendaItemTitle: new("«Союз-5» зымыран тасығышының ұшу сынақтарын бастау туралы", "О начале лётных испытаний ракеты-носителя «Союз-5»"),
        Kind: new("Ұшу сынақтарын бастау", "Начало лётных испытаний"),
        TextKk: TextKk,
        TextRu: TextRu,
        Approvals:
        [
            new CoChairApproval("Қайрат Әбдірахманов", Kazakhstan, new DateTimeOffset(2026, 11, 21, 17, 40, 0, Astana)),
            new CoChairApproval("Сергей Волков", Russia, new DateTimeOffset(2026, 11, 21, 15, 52, 0, Moscow)),
        ],
        Signatures:
        [
            new SignatureEntry(Signers[0], Kazakhstan, Member, new DateTimeOffset(2026, 11, 21, 16, 5, 0, Astana)),
            new SignatureEntry(Signers[1], Kazakhstan, Member, new DateTimeOffset(2026, 11, 21, 16, 9, 0, Astana)),
            new SignatureEntry(Signers[2], Russia, Member, new DateTimeOffset(2026, 11, 21, 14, 12, 0, Moscow)),
            new SignatureEntry(Signers[3], Russia, Member, new DateTimeOffset(2026, 11, 21, 14, 20, 0, Moscow)),
            new SignatureEntry(Signers[4], Russia, Member, new DateTimeOffset(2026, 11, 21, 14, 31, 0, Moscow)),
        ],
        SignatureCopies: copies,
        RollCall:
        [
            new RollCallEntry("Қайрат Әбдірахманов", Kazakhstan, VoteChoice.For, false),
            new RollCallEntry("Сергей Волков", Russia, VoteChoice.For, false),
            new RollCallEntry(Signers[0], Kazakhstan, VoteChoice.For, false),
            new RollCallEntry(Signers[1], Kazakhstan, VoteChoice.Abstain, true),
            new RollCallEntry(Signers[2], Russia, VoteChoice.For, false),
            new RollCallEntry(Signers[3], Russia, VoteChoice.Against, false),
            new RollCallEntry(Signers[4], Russia, VoteChoice.For, false),
        ],
        DissentingOpinions: [new DissentingOpinion(Signers[3], Russia, DissentText, DocumentLanguage.Russian)],
        ContentHash: Hash,
        VerificationUrl: new Uri("https://commission.example.org/verify/5-3?h=3f2a9c1b7d4e5f60"));

    public static MinutesDocument Minutes() => new(
        Commission, 5, new DateOnly(2026, 11, 21), new("Байқоңыр қаласы", "г. Байконур"), new("аралас (күндізгі және бейнебайланыс)", "смешанная (очно и по видеосвязи)"),
        Presiding: ["Қайрат Әбдірахманов", "Сергей Волков"],
        Attendance:
        [
            new AttendanceEntry("Қайрат Әбдірахманов", Kazakhstan, new("Тең төраға", "Сопредседатель"), AttendanceMode.InPerson),
            new AttendanceEntry("Сергей Волков", Russia, new("Тең төраға", "Сопредседатель"), AttendanceMode.InPerson),
            new AttendanceEntry(Signers[0], Kazakhstan, Member, AttendanceMode.InPerson),
            new AttendanceEntry(Signers[1], Kazakhstan, Member, AttendanceMode.Video),
            new AttendanceEntry(Signers[2], Russia, Member, AttendanceMode.InPerson),
            new AttendanceEntry(Signers[3], Russia, Member, AttendanceMode.Video),
            new AttendanceEntry(Signers[4], Russia, Member, AttendanceMode.InPerson),
            new AttendanceEntry("Бауыржан Төлеуов", Kazakhstan, Member, AttendanceMode.Represented, "Мәди Жұмабеков"),
            new AttendanceEntry("Андрей Соколов", Russia, Member, AttendanceMode.Absent),
        ],
        Quorum: new QuorumLine(true, 7, 9, 5, "KZRU-16"),
        Items:
        [
            new MinutesItem(1, new("Ұшу сынақтарына дайындық барысы туралы", "О ходе подготовки к лётным испытаниям"), ItemOutcome.Adopted, new VoteTally(7, 0, 0), "5-1", []),
            new MinutesItem(3, new("«Союз-5» зымыран тасығышының ұшу сынақтарын бастау туралы", "О начале лётных испытаний ракеты-носителя «Союз-5»"), ItemOutcome.Adopted, new VoteTally(5, 1, 1), "5-3",
                [new DissentingOpinion(Signers[3], Russia, DissentText, DocumentLanguage.Russian)]),
            new MinutesItem(4, new("Телеметрия деректерімен алмасу тәртібі туралы", "О порядке обмена телеметрической информацией"), ItemOutcome.ReferredToExpertGroup, null, null, []),
        ],
        Signatories:
        [
            new MinutesSignatory("Гүлнар Оспанова", Secretary),
            new MinutesSignatory("Елена Морозова", Secretary),
        ],
        ContentHash: Hash);

    public static AgendaDocument Agenda() => new(
        Commission, 5, new DateOnly(2026, 11, 21), new("Байқоңыр қаласы", "г. Байконур"), new("аралас", "смешанная"),
        Items:
        [
            new AgendaEntry(1, new("Ұшу сынақтарына дайындық барысы туралы", "О ходе подготовки к лётным испытаниям"), "Ержан Сәрсенбаев"),
            new AgendaEntry(2, new("Ұшыру кешенін пайдалануға беру туралы", "О вводе в эксплуатацию стартового комплекса"), "Иван Петров"),
            new AgendaEntry(3, new("«Союз-5» зымыран тасығышының ұшу сынақтарын бастау туралы", "О начале лётных испытаний ракеты-носителя «Союз-5»"), null),
        ],
        Invited:
        [
            new InvitedPerson("Нұрлан Қасымов", "«Бәйтерек» БК» АҚ", new("Ұшыру кешенінің дайындығы", "Готовность стартового комплекса"), [2]),
            new InvitedPerson("Павел Орлов", "АО «РКЦ «Прогресс»", new("Зымыран тасығыштың сынақ бағдарламасы", "Программа испытаний ракеты-носителя"), [1, 3]),
        ],
        Approvals:
        [
            new CoChairApproval("Қайрат Әбдірахманов", Kazakhstan, new DateTimeOffset(2026, 11, 10, 11, 0, 0, Astana)),
            new CoChairApproval("Сергей Волков", Russia, new DateTimeOffset(2026, 11, 10, 10, 30, 0, Moscow)),
        ],
        ContentHash: Hash);
}
