using IntergovCommission.Documents;
using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Features.Documents;

namespace IntergovCommission.IntegrationTests.Documents;

/// <summary>The wording and the content hash the session documents are filled with (no database).</summary>
public sealed class SessionDocumentsWordingTests
{
    [Theory]
    [InlineData("Нұрлан Қасымов", "Нурлан Касымов", "Нұрлан Қасымов · Нурлан Касымов")]
    [InlineData("Ольга Миронова", "Ольга Миронова", "Ольга Миронова")]
    [InlineData(null, "Ержан Ахметов", "Ержан Ахметов")]
    [InlineData("Әлия Сейітқали", null, "Әлия Сейітқали")]
    public void Name_prints_the_Kazakh_and_the_Russian_form_once_each_KZRU_23(string? kk, string? ru, string expected) =>
        Assert.Equal(expected, SessionDocuments.Name(LocalizedText.Of(kk, ru)));

    [Fact]
    public void Missing_language_falls_back_to_the_other_so_both_columns_have_text_KZRU_23()
    {
        Assert.Equal(new BilingualText("О программе", "О программе"), SessionDocuments.Both(LocalizedText.Of(null, "О программе")));
        Assert.Equal(new BilingualText("Бағдарлама", "Программа"), SessionDocuments.Both(LocalizedText.Of("Бағдарлама", "Программа")));
    }

    [Fact]
    public void Content_hash_is_the_same_for_the_same_data_and_changes_with_any_of_it()
    {
        var quorum = new QuorumLine(true, 25, 27, 18, "KZRU-16");
        var changed = quorum with { Present = 24 };

        var first = SessionDocuments.ContentHash(quorum);
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Equal(first, SessionDocuments.ContentHash(new QuorumLine(true, 25, 27, 18, "KZRU-16")));
        Assert.NotEqual(first, SessionDocuments.ContentHash(changed));
    }

    [Fact]
    public void Session_day_is_the_date_on_the_wall_clock_of_the_zone_it_was_set_in()
    {
        var start = new DateTimeOffset(2026, 12, 3, 20, 30, 0, TimeSpan.Zero); // 01:30 on 4 December in Astana
        Assert.Equal(new DateOnly(2026, 12, 4), SessionDocuments.Day(start, "Asia/Almaty"));
        Assert.Equal(new DateOnly(2026, 12, 3), SessionDocuments.Day(start, "Europe/Moscow"));
    }
}
