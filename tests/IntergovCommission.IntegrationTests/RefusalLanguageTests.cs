using System.Globalization;
using System.Text.RegularExpressions;
using IntergovCommission.Web.Infrastructure.Localization;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// Refusals from the authorizers, and the conflicts of concurrent saves, are written in English in
/// the code and shown in the user's language: the English sentence is its resource key
/// (Resources/refusals.*.json).
/// </summary>
public sealed partial class RefusalLanguageTests
{
    [GeneratedRegex("new (?:Forbidden|Conflict)Exception\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex RefusalLiteral();

    // The messages of unique constraints (ConstraintMessages), including its fallback.
    [GeneratedRegex("(?:\\] = |: )\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex ConstraintLiteral();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IntergovCommission.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [Fact]
    public void Every_refusal_sentence_in_the_code_has_a_russian_and_a_kazakh_text()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "IntergovCommission.Web"), "*.cs", SearchOption.AllDirectories);
        var sentences = sources
            .SelectMany(f => RefusalLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(ConstraintLiteral().Matches(File.ReadAllText(sources.Single(f => f.EndsWith("ConstraintMessages.cs", StringComparison.Ordinal)))).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.NotEmpty(sentences);
        var missing = sentences.Where(s => !JsonStringLocalizer.Has("ru", s) || !JsonStringLocalizer.Has("kk", s)).ToList();
        Assert.True(missing.Count == 0, "No translation for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Refusal_reads_in_russian_by_default_and_in_english_when_chosen()
    {
        var localizer = new JsonStringLocalizer();
        const string sentence = "KZRU-15 (Regulation cl. 9): a representative has no right to take part in decisions.";
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("ru");
            Assert.Equal("Согласно п. 9 Положения представитель не вправе участвовать в принятии решений.", localizer[sentence].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("kk");
            Assert.Equal("Ереженің 9-тармағына сәйкес өкілдің шешім қабылдауға қатысуға құқығы жоқ.", localizer[sentence].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Under cl. 9 of the Regulation, a representative has no right to take part in decisions.", localizer[sentence].Value); // the clause in words, not the rule id of the key
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
