namespace IntergovCommission.Documents.Tests;

/// <summary>Realistic documents of the Kazakh-Russian commission (seed 000) for the tests.</summary>
internal static class Samples
{
    public static readonly BilingualText Commission = new(
        "«Союз-5» ғарыш зымыран кешені мен «Бәйтерек» ғарыш зымыран кешенінің ұшу сынақтарын жүргізу жөніндегі Қазақстан-Ресей мемлекетаралық комиссиясы",
        "Казахстанско-российская межгосударственная комиссия по проведению летных испытаний космического ракетного комплекса «Союз-5» и космического ракетного комплекса «Байтерек»");

    public static readonly BilingualText Kazakhstan = new("Қазақстан Республикасы", "Республика Казахстан");
    public static readonly BilingualText Russia = new("Ресей Федерациясы", "Российская Федерация");
    public static readonly BilingualText Member = new("Мемлекетаралық комиссияның мүшесі", "Член Межгосударственной комиссии");
    public static readonly BilingualText Secretary = new("Мемлекетаралық комиссияның хатшысы", "Секретарь Межгосударственной комиссии");
    public static readonly BilingualText Place = new("Байқоңыр қ.", "г. Байконур");

    public static readonly BilingualText KzCoChair = new("Қайрат Әбдірахманов", "Кайрат Абдрахманов");
    public static readonly BilingualText RuCoChair = new("Сергей Волков", "Сергей Волков");
    public static readonly BilingualText KzSecretary = new("Гүлнар Оспанова", "Гульнар Оспанова");
    public static readonly BilingualText RuSecretary = new("Елена Морозова", "Елена Морозова");

    public static readonly BilingualText Presiding = new("Төрағалық етуші", "Председательствующий");
    public static readonly BilingualText SecretaryPosition = new("Хатшы", "Секретарь");

    public static readonly TimeSpan Astana = TimeSpan.FromHours(5);
    public static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    public const string Hash = "3f2a9c1b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2a3b4c";

    public static readonly BilingualText[] Signers =
    [
        new("Ержан Сәрсенбаев", "Ержан Сарсенбаев"), new("Айгүл Нұрғалиева", "Айгуль Нургалиева"),
        new("Иван Петров", "Иван Петров"), new("Ольга Смирнова", "Ольга Смирнова"), new("Дмитрий Кузнецов", "Дмитрий Кузнецов"),
    ];

    public static readonly string[] TextKk =
    [
        "«Бәйтерек» ғарыш зымыран кешенінің «Союз-5» зымыран тасығышымен ұшу сынақтарын 2026 жылғы 15 желтоқсанда бастау туралы ұсыныс мақұлдансын.",
        "Тараптардың техникалық басшылығына ұшыру алдындағы дайындық жұмыстарының кестесін он жұмыс күні ішінде келісу тапсырылсын.",
        "Қауіпсіздік талаптарының орындалуын бақылау Мемлекеттік комиссияның техникалық басшысына жүктелсін; ол әрбір кезеңнің нәтижелері туралы тең төрағаларға хабарлайды.",
    ];

    public static readonly string[] TextRu =
    [
        "Одобрить предложение о начале летных испытаний космического ракетного комплекса «Байтерек» с ракетой-носителем «Союз-5» 15 декабря 2026 года.",
        "Поручить техническому руководству Сторон в течение десяти рабочих дней согласовать график предстартовых подготовительных работ.",
        "Возложить контроль за выполнением требований безопасности на технического руководителя Государственной комиссии, который информирует сопредседателей о результатах каждого этапа.",
    ];

    public const string DissentText =
        "Считаю преждевременным назначать дату начала летных испытаний до завершения автономных испытаний системы управления третьей ступени.\n" +
        "Предлагаю перенести начало испытаний на срок не ранее чем через тридцать рабочих дней после утверждения отчёта об автономных испытаниях.";

    public static DecisionDocument Decision(int copies = 2) => new(
        Commission,
        Number: "5-3",
        Date: new DateOnly(2026, 11, 21),
        Place: Place,
        SessionNumber: 5,
        AgendaItemTitle: new("«Союз-5» зымыран тасығышының ұшу сынақтарын бастау туралы", "О начале летных испытаний ракеты-носителя «Союз-5»"),
        Kind: new("Ұшу сынақтарын бастау", "Начало летных испытаний"),
        TextKk: TextKk,
        TextRu: TextRu,
        Approvals:
        [
            new CoChairApproval(KzCoChair, Kazakhstan, new DateTimeOffset(2026, 11, 21, 17, 40, 0, Astana)),
            new CoChairApproval(RuCoChair, Russia, new DateTimeOffset(2026, 11, 21, 15, 52, 0, Moscow)),
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
            new RollCallEntry(KzCoChair, Kazakhstan, VoteChoice.For, false),
            new RollCallEntry(RuCoChair, Russia, VoteChoice.For, false),
            new RollCallEntry(Signers[0], Kazakhstan, VoteChoice.For, false),
            new RollCallEntry(Signers[1], Kazakhstan, VoteChoice.Abstain, true),
            new RollCallEntry(Signers[2], Russia, VoteChoice.For, false),
            new RollCallEntry(Signers[3], Russia, VoteChoice.Against, false),
            new RollCallEntry(Signers[4], Russia, VoteChoice.For, false),
        ],
        DissentingOpinions: [new DissentingOpinion(Signers[3].Ru, Russia, DissentText, DocumentLanguage.Russian)],
        ContentHash: Hash,
        VerificationUrl: new Uri("https://commission.example.org/verify/5-3?h=3f2a9c1b7d4e5f60"),
        AuditCheckpoint: "1234/9b1f0c2d3e4a5b6c7d8e9f00112233445566778899aabbccddeeff0011223344");

    public static MinutesDocument Minutes() => new(
        Commission, 5, new DateOnly(2026, 11, 21), Place, Glossary.Mixed.Bilingual,
        Presiding: [KzCoChair, RuCoChair],
        Attendance:
        [
            new AttendanceEntry("Қайрат Әбдірахманов · Кайрат Абдрахманов", Kazakhstan, new("Тең төраға", "Сопредседатель"), AttendanceMode.InPerson),
            new AttendanceEntry("Сергей Волков", Russia, new("Тең төраға", "Сопредседатель"), AttendanceMode.InPerson),
            new AttendanceEntry("Ержан Сәрсенбаев · Ержан Сарсенбаев", Kazakhstan, Member, AttendanceMode.InPerson),
            new AttendanceEntry("Айгүл Нұрғалиева · Айгуль Нургалиева", Kazakhstan, Member, AttendanceMode.Video),
            new AttendanceEntry("Иван Петров", Russia, Member, AttendanceMode.InPerson),
            new AttendanceEntry("Ольга Смирнова", Russia, Member, AttendanceMode.Video),
            new AttendanceEntry("Дмитрий Кузнецов", Russia, Member, AttendanceMode.InPerson),
            new AttendanceEntry("Бауыржан Төлеуов", Kazakhstan, Member, AttendanceMode.Represented, "Мәди Жұмабеков"),
            new AttendanceEntry("Андрей Соколов", Russia, Member, AttendanceMode.Absent),
        ],
        Quorum: new QuorumLine(true, 7, 9, 6, "10"),
        Items:
        [
            new MinutesItem(1, new("Ұшу сынақтарына дайындық барысы туралы", "О ходе подготовки к летным испытаниям"), ItemOutcome.Adopted, new VoteTally(7, 0, 0), "5-1", []),
            new MinutesItem(3, new("«Союз-5» зымыран тасығышының ұшу сынақтарын бастау туралы", "О начале летных испытаний ракеты-носителя «Союз-5»"), ItemOutcome.Adopted, new VoteTally(5, 1, 1), "5-3",
                [new DissentingOpinion(Signers[3].Ru, Russia, DissentText, DocumentLanguage.Russian)]),
            new MinutesItem(4, new("Телеметрия деректерімен алмасу тәртібі туралы", "О порядке обмена телеметрической информацией"), ItemOutcome.ReferredToExpertGroup, null, null, []),
        ],
        Signatories:
        [
            new MinutesSignatory(KzCoChair, Presiding),
            new MinutesSignatory(RuCoChair, Presiding),
            new MinutesSignatory(KzSecretary, SecretaryPosition),
            new MinutesSignatory(RuSecretary, SecretaryPosition),
        ],
        ContentHash: Hash,
        Invited: [new InvitedPerson("Нұрлан Қасымов", "«Бәйтерек» БК» АҚ", new("Ұшыру кешенінің дайындығы", "Готовность стартового комплекса"), [1])]);

    public static AgendaDocument Agenda() => new(
        Commission, 5, new DateOnly(2026, 11, 21), Place, Glossary.Mixed.Bilingual,
        Items:
        [
            new AgendaEntry(1, new("Ұшу сынақтарына дайындық барысы туралы", "О ходе подготовки к летным испытаниям"), "Ержан Сарсенбаев", "Ержан Сәрсенбаев"),
            new AgendaEntry(2, new("Ұшыру кешенін пайдалануға беру туралы", "О вводе в эксплуатацию стартового комплекса"), "Иван Петров"),
            new AgendaEntry(3, new("«Союз-5» зымыран тасығышының ұшу сынақтарын бастау туралы", "О начале летных испытаний ракеты-носителя «Союз-5»"), null),
        ],
        Invited:
        [
            new InvitedPerson("Нұрлан Қасымов", "«Бәйтерек» БК» АҚ", new("Ұшыру кешенінің дайындығы", "Готовность стартового комплекса"), [2]),
            new InvitedPerson("Павел Орлов", "АО «РКЦ «Прогресс»", new("Зымыран тасығыштың сынақ бағдарламасы", "Программа испытаний ракеты-носителя"), [1, 3], "«РКО «Прогресс» АҚ"),
        ],
        Approvals:
        [
            new CoChairApproval(KzCoChair, Kazakhstan, new DateTimeOffset(2026, 11, 10, 11, 0, 0, Astana)),
            new CoChairApproval(RuCoChair, Russia, new DateTimeOffset(2026, 11, 10, 10, 30, 0, Moscow)),
        ],
        ContentHash: Hash);
}
