namespace IntergovCommission.Documents;

/// <summary>One official term in the three languages of the product.</summary>
public sealed record Term(string Ru, string Kk, string En)
{
    public BilingualText Bilingual => new(Kk, Ru);
}

/// <summary>
/// The product's words (docs/glossary.md, taken from the Regulation's own Kazakh text, seed 000): the
/// single source of each term for the document composers, and the list of words the glossary replaced,
/// which a test looks for in every resource and every composed document.
/// </summary>
public static class Glossary
{
    public static readonly Term Commission = new("Межгосударственная комиссия", "Мемлекетаралық комиссия", "Interstate Commission");
    public static readonly Term CommissionGenitive = new("Межгосударственной комиссии", "Мемлекетаралық комиссияның", "of the Interstate Commission");
    public static readonly Term Meeting = new("заседание", "отырыс", "meeting");
    public static readonly Term Agenda = new("повестка дня", "күн тәртібі", "agenda");
    public static readonly Term AgendaItem = new("вопрос повестки дня", "күн тәртібінің мәселесі", "agenda item");
    public static readonly Term CoChair = new("сопредседатель", "тең төраға", "co-chair");
    public static readonly Term DeputyCoChair = new("заместитель сопредседателя", "тең төрағаның орынбасары", "deputy co-chair");
    public static readonly Term Secretary = new("секретарь", "хатшы", "secretary");
    public static readonly Term Member = new("член Межгосударственной комиссии", "Мемлекетаралық комиссияның мүшесі", "member");
    public static readonly Term Representative = new("представитель", "өкіл", "representative");
    public static readonly Term InvitedPerson = new("приглашенное лицо", "шақырылған тұлға", "invited person");
    public static readonly Term InvitedPersons = new("приглашенные лица", "шақырылған тұлғалар", "invited persons");
    public static readonly Term RollCallVote = new("открытое поименное голосование", "ашық атаулы дауыс беру", "open roll-call vote");
    public static readonly Term Decision = new("решение", "шешім", "decision");
    public static readonly Term DissentingOpinion = new("особое мнение", "ерекше пікір", "dissenting opinion");
    public static readonly Term ExpertGroup = new("экспертная группа", "сараптама тобы", "expert group");
    public static readonly Term Minutes = new("протокол", "хаттама", "minutes");
    public static readonly Term Regulation = new("Положение", "Ереже", "Regulation");
    public static readonly Term Annex = new("приложение", "қосымша", "annex");
    public static readonly Term Side = new("Сторона", "Тарап", "Side");

    /// <summary>Roll call and buttons: one set of words for a vote (glossary: за / против / воздержался).</summary>
    public static readonly Term VoteFor = new("за", "жақтады", "for");
    public static readonly Term VoteAgainst = new("против", "қарсы", "against");
    public static readonly Term VoteAbstain = new("воздержался", "қалыс қалды", "abstain");

    /// <summary>The words of a tally: «за» — n, «против» — n, «воздержались» — n / «жақтап» — n, «қарсы» — n, «қалыс қалды» — n.</summary>
    public static readonly Term TallyFor = new("за", "жақтап", "for");
    public static readonly Term TallyAgainst = new("против", "қарсы", "against");
    public static readonly Term TallyAbstain = new("воздержались", "қалыс қалды", "abstained");

    /// <summary>Meeting formats (Regulation cl. 9).</summary>
    public static readonly Term InPerson = new("очная", "бетпе-бет", "in person");
    public static readonly Term Video = new("в режиме видеоконференции", "бейнеконференцбайланыс режимінде", "by video-conference");
    public static readonly Term Mixed = new("смешанная (очно и в режиме видеоконференции)", "аралас (бетпе-бет және бейнеконференцбайланыс режимінде)", "mixed (in person and by video-conference)");

    /// <summary>A vote the secretary entered on a member's word.</summary>
    public static readonly Term RecordedBySecretary = new(
        "Голос внесен секретарем со слов члена Межгосударственной комиссии",
        "Дауысты Мемлекетаралық комиссия мүшесінің айтуы бойынша хатшы енгізді",
        "Vote entered by the secretary on the member's word");

    /// <summary>What the signature sheet says about the signers' password re-confirmation (not a statutory electronic signature).</summary>
    public static Term SignersConfirmed(string hash) => new(
        $"Каждый подписавший подтвердил содержание документа (SHA-256: {hash}) повторной аутентификацией в информационной системе.",
        $"Әрбір қол қоюшы ақпараттық жүйеде жеке басын қайта растап, құжат мазмұнын (SHA-256: {hash}) растады.",
        $"Each signer confirmed the content of the document (SHA-256: {hash}) by re-authenticating in the information system.");

    /// <summary>Regulation cl. 13: the language of formalising decisions.</summary>
    public static readonly Term DecisionLanguage = new(
        "Решение оформлено на русском языке (п. 13 Положения); текст на казахском языке приведен параллельно.",
        "Шешім орыс тілінде ресімделді (Ереженің 13-тармағы); қазақ тіліндегі мәтіні қатар берілген.",
        "The decision is formalised in Russian (cl. 13 of the Regulation); the Kazakh text is given in parallel.");

    /// <summary>
    /// Words the glossary replaced: none may appear in user-visible text (resources, documents).
    /// Matched case-insensitively as substrings.
    /// </summary>
    public static readonly IReadOnlyList<string> Replaced =
    [
        "сессия", "сессии", "сессию", "сессией", "сессий", "сессиям", "сессиях", "сессиялар", "сессиясы", "сессияны", "сессияға", "сессияда", "сессиядан", "сессиян",
        "межправительств", "межправком", "үкіметаралық", "intergovernmental",
        "сарапшылар тобы", "сарапшылар тоб", "күндізгі", "шығарылды", "шығарылған", "выпущено", "выпущен",
        "KZRU-", "WF-", "CIS-",
    ];

    /// <summary>The replaced words found in a text (empty when it keeps to the glossary).</summary>
    public static IReadOnlyList<string> ReplacedWordsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Replaced.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))];
    }
}
