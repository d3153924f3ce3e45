namespace IntergovCommission.Documents;

/// <summary>
/// The plural rules of the product's languages (CLDR): Russian chooses one / few / many by the last
/// digits ("1 член", "2 члена", "5 членов", "21 член", "11 членов"); a Kazakh noun after a numeral
/// stays singular ("5 мүше"); English has one / other.
/// </summary>
public static class Plural
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
}
