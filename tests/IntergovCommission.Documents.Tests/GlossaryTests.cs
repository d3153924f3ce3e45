using System.Text.Json;
using IntergovCommission.Documents.Rendering;
using IntergovCommission.Testing;

namespace IntergovCommission.Documents.Tests;

/// <summary>
/// The glossary (docs/glossary.md, <see cref="Glossary"/>) replaced some words for good: no interface
/// text (Resources/*.json of the web app, every language) and no composed document may use them again,
/// and no user-visible text shows an internal rule id.
/// </summary>
public sealed class GlossaryTests
{
    private static readonly DocumentRenderer Renderer = new(new DocumentsOptions());

    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesFolder(), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Resource_texts_use_no_word_the_glossary_replaced(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ResourcesFolder(), file)));
        var offending = json.RootElement.EnumerateObject()
            .Select(p => (p.Name, Words: Glossary.ReplacedWordsIn(p.Value.GetString() ?? string.Empty)))
            .Where(x => x.Words.Count > 0)
            .Select(x => $"{x.Name}: {string.Join(", ", x.Words)}")
            .ToList();

        Assert.True(offending.Count == 0, $"{file}:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void Composed_documents_use_no_word_the_glossary_replaced()
    {
        var texts = new Dictionary<string, string>
        {
            ["decision"] = PdfTools.Text(Renderer.RenderDecision(Samples.Decision())),
            ["minutes"] = PdfTools.Text(Renderer.RenderMinutes(Samples.Minutes())),
            ["agenda"] = PdfTools.Text(Renderer.RenderAgenda(Samples.Agenda())),
        };

        foreach (var (name, text) in texts)
        {
            Assert.True(Glossary.ReplacedWordsIn(text).Count == 0, $"{name}: {string.Join(", ", Glossary.ReplacedWordsIn(text))}");
        }
    }

    [Theory]
    [InlineData("Сессия № 5 создана.", "сессия")]
    [InlineData("Межправкомиссия", "межправком")]
    [InlineData("KZRU-11 (Ереже, 9-т.): …", "KZRU-")]
    [InlineData("аралас (күндізгі және бейнебайланыс)", "күндізгі")]
    [InlineData("сарапшылар тобына берілді", "сарапшылар тобы")]
    [InlineData("Kazakh-Russian Intergovernmental Commission", "intergovernmental")]
    public void The_check_finds_a_replaced_word(string text, string word) =>
        Assert.Contains(word, Glossary.ReplacedWordsIn(text));

    [Fact]
    public void The_official_words_pass_the_check() =>
        Assert.Empty(Glossary.ReplacedWordsIn(
            $"{Glossary.Commission.Ru} · {Glossary.Commission.Kk} · {Glossary.Commission.En} · {Glossary.Meeting.Ru} · {Glossary.Meeting.Kk} · {Glossary.ExpertGroup.Kk} · {Glossary.Mixed.Kk}"));

    private static string ResourcesFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IntergovCommission.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "src", "IntergovCommission.Web", "Resources");
    }
}
