namespace IntergovCommission.Documents.Tests;

/// <summary>The plural rules behind "{0} экземпляра" / "{0} года" / "{2} действующее место" (issue 11).</summary>
public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "экземпляров")]
    [InlineData(1, "экземпляр")]
    [InlineData(2, "экземпляра")]
    [InlineData(4, "экземпляра")]
    [InlineData(5, "экземпляров")]
    [InlineData(11, "экземпляров")]
    [InlineData(12, "экземпляров")]
    [InlineData(14, "экземпляров")]
    [InlineData(21, "экземпляр")]
    [InlineData(22, "экземпляра")]
    [InlineData(25, "экземпляров")]
    [InlineData(101, "экземпляр")]
    [InlineData(111, "экземпляров")]
    [InlineData(112, "экземпляров")]
    [InlineData(122, "экземпляра")]
    public void Russian_noun_agrees_with_the_last_digits(long n, string expected) =>
        Assert.Equal(expected, Plural.Ru(n, "экземпляр", "экземпляра", "экземпляров"));

    [Theory]
    [InlineData(1, "ru", "1 экземпляр")]
    [InlineData(2, "ru", "2 экземпляра")]
    [InlineData(5, "ru", "5 экземпляров")]
    [InlineData(1, "en", "1 copy")]
    [InlineData(2, "en", "2 copies")]
    [InlineData(2, "kk", "2 дана")]
    public void Token_in_a_resource_text_takes_the_form_of_its_number(int n, string language, string expected)
    {
        var format = language switch
        {
            "ru" => "{0} {0#экземпляр|экземпляра|экземпляров}",
            "en" => "{0} {0#copy|copies}",
            _ => "{0} дана",
        };

        Assert.Equal(expected, string.Format(System.Globalization.CultureInfo.InvariantCulture, Plural.Expand(format, [n], language), n));
    }

    [Fact]
    public void Token_refers_to_its_own_argument_and_other_placeholders_stay()
    {
        const string format = "Согласно {1} Положения у этой Стороны уже {2} {2#действующее место|действующих места|действующих мест} с этой ролью.";

        Assert.Equal("Согласно {1} Положения у этой Стороны уже {2} действующих места с этой ролью.", Plural.Expand(format, ["KZRU-01", "п. 4", 3], "ru"));
        Assert.Equal("Согласно {1} Положения у этой Стороны уже {2} действующее место с этой ролью.", Plural.Expand(format, ["KZRU-01", "п. 4", 1], "ru"));
    }

    [Fact]
    public void Kazakh_noun_after_a_numeral_stays_singular() =>
        Assert.Equal("5 мүше", string.Format(System.Globalization.CultureInfo.InvariantCulture, Plural.Expand("{0} {0#мүше}", [5], "kk"), 5));

    [Fact]
    public void Token_without_a_numeric_argument_keeps_its_last_form() =>
        Assert.Equal("лет", Plural.Expand("{0#год|года|лет}", ["много"], "ru"));
}
