using System.Text.Json;
using System.Text.RegularExpressions;
using IntergovCommission.Web.Infrastructure.Localization;

namespace IntergovCommission.IntegrationTests;

/// <summary>KZRU-23: the interface exists in Russian, Kazakh and English, key for key.</summary>
public sealed partial class LocalizationTests
{
    private const string Prefix = "IntergovCommission.Web.Resources.";

    [Fact]
    public void Every_culture_has_the_same_keys()
    {
        var ru = JsonStringLocalizer.Keys("ru").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(ru);

        foreach (var culture in JsonStringLocalizer.Cultures)
        {
            var keys = JsonStringLocalizer.Keys(culture).ToHashSet(StringComparer.Ordinal);
            var missing = ru.Except(keys).Order(StringComparer.Ordinal).ToList();
            var extra = keys.Except(ru).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, $"{culture} lacks: {string.Join(", ", missing)}");
            Assert.True(extra.Count == 0, $"{culture} has keys ru lacks: {string.Join(", ", extra)}");
        }
    }

    [Fact]
    public void Every_resource_file_has_its_three_languages_key_for_key_with_no_empty_text()
    {
        var files = Resources();
        var areas = files.Keys.Select(n => n[..n.LastIndexOf('.')]).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("common", areas);

        foreach (var area in areas)
        {
            var tables = JsonStringLocalizer.Cultures.ToDictionary(c => c, c =>
            {
                Assert.True(files.ContainsKey($"{area}.{c}"), $"Resources/{area}.{c}.json is missing");
                return files[$"{area}.{c}"];
            });

            foreach (var (culture, table) in tables)
            {
                foreach (var (otherCulture, other) in tables)
                {
                    var missing = other.Keys.Except(table.Keys).Order(StringComparer.Ordinal).ToList();
                    Assert.True(missing.Count == 0, $"Resources/{area}.{culture}.json lacks keys of {area}.{otherCulture}.json: {string.Join(", ", missing)}");
                }

                var empty = table.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ToList();
                Assert.True(empty.Count == 0, $"Resources/{area}.{culture}.json has empty texts: {string.Join(", ", empty)}");
            }
        }
    }

    [Fact]
    public void Placeholders_agree_across_languages()
    {
        var ru = Tables("ru");
        foreach (var culture in JsonStringLocalizer.Cultures.Where(c => c != "ru"))
        {
            var other = Tables(culture);
            foreach (var (key, text) in ru)
            {
                if (!other.TryGetValue(key, out var translated))
                {
                    continue; // reported by the key tests
                }

                Assert.True(Placeholders(text).SetEquals(Placeholders(translated)), $"{key}: placeholders differ between ru ({text}) and {culture} ({translated})");
            }
        }
    }

    [Theory]
    [InlineData("ru", 1, "1 экземпляр")]
    [InlineData("ru", 2, "2 экземпляра")]
    [InlineData("ru", 5, "5 экземпляров")]
    [InlineData("ru", 21, "21 экземпляр")]
    [InlineData("kk", 2, "2 дана")]
    [InlineData("en", 1, "1 copy")]
    [InlineData("en", 2, "2 copies")]
    public void Number_and_noun_agree_in_each_language(string culture, int copies, string expected)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            Assert.Equal(expected, new JsonStringLocalizer()["Decisions.Copies", copies].Value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> Tables(string culture) =>
        Resources().Where(kv => kv.Key.EndsWith("." + culture, StringComparison.Ordinal)).SelectMany(kv => kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    /// <summary>The embedded Resources/&lt;area&gt;.&lt;culture&gt;.json of the Web assembly, by "area.culture".</summary>
    private static Dictionary<string, Dictionary<string, string>> Resources()
    {
        var assembly = typeof(JsonStringLocalizer).Assembly;
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            result[name[Prefix.Length..^".json".Length]] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
        }

        return result;
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
