using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Infrastructure.Localization;

/// <summary>Marker for the one resource set the interface uses.</summary>
public sealed class SharedResource;

/// <summary>
/// Interface text from embedded JSON resources (Resources/&lt;area&gt;.&lt;culture&gt;.json, merged per
/// culture). Russian is the working language (KZRU-23) and the fallback; a missing key shows
/// itself, so a gap is visible rather than silently blank.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    public const string Fallback = "ru";
    public static readonly string[] Cultures = ["ru", "kk", "en"];
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Tables = new(StringComparer.Ordinal);

    public LocalizedString this[string name]
    {
        get
        {
            var value = Lookup(name);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var value = Lookup(name);
            // Plural tokens ({0#экземпляр|экземпляра|экземпляров}) agree with their number first (ru one/few/many, en one/other, kk none).
            var format = IntergovCommission.Documents.Plural.Expand(value ?? name, arguments, CultureName());
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments), resourceNotFound: value is null);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        TableFor(CultureName()).Select(kv => new LocalizedString(kv.Key, kv.Value));

    public static bool Has(string culture, string name) => TableFor(culture).ContainsKey(name);

    public static IReadOnlyCollection<string> Keys(string culture) => TableFor(culture).Keys.ToList();

    private static string? Lookup(string name)
    {
        var culture = CultureName();
        if (TableFor(culture).TryGetValue(name, out var value))
        {
            return value;
        }

        return TableFor(Fallback).TryGetValue(name, out var fallback) ? fallback : null;
    }

    private static string CultureName()
    {
        var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Cultures.Contains(name) ? name : Fallback;
    }

    private static IReadOnlyDictionary<string, string> TableFor(string culture) => Tables.GetOrAdd(culture, Load);

    private static Dictionary<string, string> Load(string culture)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(JsonStringLocalizer).Assembly;
        var suffix = "." + culture + ".json";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("IntergovCommission.Web.Resources.", StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            foreach (var (key, value) in entries)
            {
                if (!table.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"Resource key {key} is defined twice for {culture} ({resource}).");
                }
            }
        }

        return table;
    }
}

public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly JsonStringLocalizer Instance = new();

    public IStringLocalizer Create(Type resourceSource) => Instance;

    public IStringLocalizer Create(string baseName, string location) => Instance;
}
