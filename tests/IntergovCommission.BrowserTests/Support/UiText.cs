using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using IntergovCommission.Web.Infrastructure.Localization;

namespace IntergovCommission.BrowserTests.Support;

/// <summary>
/// The interface text the app shows, read from the app's own resources, so tests look for what
/// the user reads without copying the wording (a missing key fails the test, it never matches blank).
/// </summary>
public static class UiText
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Tables = new(StringComparer.Ordinal);

    public static string Ru(string key, params object[] arguments) => Get("ru", key, arguments);

    public static string Kk(string key, params object[] arguments) => Get("kk", key, arguments);

    public static string Get(string culture, string key, params object[] arguments)
    {
        var table = Tables.GetOrAdd(culture, Load);
        if (!table.TryGetValue(key, out var format))
        {
            throw new KeyNotFoundException($"The {culture} interface text has no key {key}.");
        }

        return arguments.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, arguments);
    }

    private static Dictionary<string, string> Load(string culture)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(SharedResource).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("IntergovCommission.Web.Resources.", StringComparison.Ordinal) && n.EndsWith("." + culture + ".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                table[key] = value;
            }
        }

        return table;
    }
}
