using System.Globalization;
using System.Text.RegularExpressions;

namespace IntergovCommission.Documents;

/// <summary>
/// The plural rules of the product's languages (CLDR): Russian chooses one / few / many by the last
/// digits ("1 член", "2 члена", "5 членов", "21 член", "11 членов"); a Kazakh noun after a numeral
/// stays singular ("5 мүше"); English has one / other.
/// </summary>
public static partial class Plural
{
    public enum Category
    {
        One,
        Few,
        Many,
    }

    /// <summary>The Russian category of a whole number: one (1, 21, 101 …), few (2–4, 22–24 …), many (0, 5–20, 25–30 …).</summary>
    public static Category RussianCategory(long n)
    {
        var abs = Math.Abs(n);
        var lastTwo = abs % 100;
        var last = abs % 10;
        if (last == 1 && lastTwo != 11)
        {
            return Category.One;
        }

        return last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? Category.Few : Category.Many;
    }

    /// <summary>The Russian form for <paramref name="n"/>: Ru(3, "экземпляр", "экземпляра", "экземпляров") → "экземпляра".</summary>
    public static string Ru(long n, string one, string few, string many) => RussianCategory(n) switch
    {
        Category.One => one,
        Category.Few => few,
        _ => many,
    };

    /// <summary>English: "1 copy", "2 copies".</summary>
    public static string En(long n, string one, string other) => Math.Abs(n) == 1 ? one : other;

    /// <summary>
    /// Resolves the plural tokens of a resource text before it is formatted: <c>{N#one|few|many}</c>
    /// (Russian), <c>{N#one|other}</c> (English) or <c>{N#form}</c> (Kazakh, no plural after a numeral)
    /// becomes the form that agrees with argument N: "{0} {0#экземпляр|экземпляра|экземпляров}" with 3
    /// gives "{0} экземпляра". The token is not a format placeholder, so the number itself stays "{0}".
    /// A token whose argument is missing or not a number keeps its last form.
    /// </summary>
    public static string Expand(string format, IReadOnlyList<object?> arguments, string language)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!format.Contains('#', StringComparison.Ordinal))
        {
            return format;
        }

        return Token().Replace(format, m =>
        {
            var forms = m.Groups["forms"].Value.Split('|');
            var index = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (index >= arguments.Count || !TryWhole(arguments[index], out var n))
            {
                return forms[^1];
            }

            var chosen = language switch
            {
                "ru" => RussianCategory(n) switch { Category.One => 0, Category.Few => 1, _ => 2 },
                "en" => Math.Abs(n) == 1 ? 0 : 1,
                _ => 0,
            };
            return forms[Math.Min(chosen, forms.Length - 1)];
        });
    }

    private static bool TryWhole(object? value, out long n)
    {
        switch (value)
        {
            case int i: n = i; return true;
            case long l: n = l; return true;
            case short s: n = s; return true;
            case byte b: n = b; return true;
            case uint u: n = u; return true;
            case decimal d when d == decimal.Truncate(d): n = (long)d; return true;
            case double x when x == Math.Truncate(x): n = (long)x; return true;
            case string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed): n = parsed; return true;
            default: n = 0; return false;
        }
    }

    [GeneratedRegex(@"\{(?<n>\d+)#(?<forms>[^{}]*)\}")]
    private static partial Regex Token();
}
