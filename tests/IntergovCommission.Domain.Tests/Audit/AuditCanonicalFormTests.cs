using IntergovCommission.Domain.Audit;

namespace IntergovCommission.Domain.Tests.Audit;

public sealed class AuditCanonicalFormTests
{
    private static AuditRecord Row(string request = "{\"b\":1,\"a\":\"x\"}", string changes = "[]") => new(
        Guid.Parse("0193a5c0-0000-7000-8000-000000000001"),
        new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(5)).AddTicks(1234567),
        Guid.Parse("0193a5c0-0000-7000-8000-0000000000aa"),
        "kz.secretary",
        null,
        "AddMembership.Command",
        request,
        changes,
        "corr-1",
        "127.0.0.1");

    [Theory]
    [InlineData("100", "1e2")]
    [InlineData("1E+2", "1e2")]
    [InlineData("1.50", "15e-1")]
    [InlineData("0.15E1", "15e-1")]
    [InlineData("15e-1", "15e-1")]
    [InlineData("-0", "0")]
    [InlineData("0.000", "0")]
    [InlineData("-12.340", "-1234e-2")]
    [InlineData("7", "7")]
    [InlineData("1.7976931348623157E+308", "17976931348623157e292")]
    public void Numbers_that_jsonb_treats_as_equal_have_one_canonical_form(string raw, string canonical) =>
        Assert.Equal(canonical, AuditCanonicalForm.Number(raw));

    [Fact]
    public void Json_as_postgres_jsonb_prints_it_has_the_same_canonical_form_as_the_text_sent()
    {
        // What System.Text.Json writes (escaped Cyrillic, keys in declaration order) and what jsonb::text returns.
        const string sent = "{\"Role\":\"Member\",\"FullNameRu\":\"\\u0410\\u0443\\u0434\",\"Count\":1.50,\"Nested\":{\"z\":null,\"a\":[1E+2,true]}}";
        const string stored = "{\"Role\": \"Member\", \"Count\": 1.50, \"Nested\": {\"a\": [100, true], \"z\": null}, \"FullNameRu\": \"Ауд\"}";
        Assert.Equal(AuditCanonicalForm.Json(sent), AuditCanonicalForm.Json(stored));
        Assert.Equal("{\"Count\":15e-1,\"FullNameRu\":\"Ауд\",\"Nested\":{\"a\":[1e2,true],\"z\":null},\"Role\":\"Member\"}", AuditCanonicalForm.Json(sent));
    }

    [Fact]
    public void Strings_escape_only_quote_backslash_and_control_characters()
    {
        Assert.Equal("[\"a\\\"b\\\\c\\u000a\\u0001é\"]", AuditCanonicalForm.Json("[\"a\\\"b\\\\c\\n\\u0001\\u00e9\"]"));
    }

    [Fact]
    public void The_time_is_cut_to_microseconds_and_written_in_utc()
    {
        var form = AuditCanonicalForm.Of(Row(), 1, AuditCanonicalForm.Genesis);
        Assert.Contains("\"2026-03-12T05:00:00.123456Z\"", form, StringComparison.Ordinal);
        Assert.Equal(AuditCanonicalForm.Hash(Row(), 1, AuditCanonicalForm.Genesis),
            AuditCanonicalForm.Hash(Row() with { At = AuditCanonicalForm.ToStoredPrecision(Row().At) }, 1, AuditCanonicalForm.Genesis));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_canonical_form_in_lower_case_hex()
    {
        var form = AuditCanonicalForm.Of(Row(), 7, AuditCanonicalForm.Genesis);
        Assert.StartsWith("[\"intergov-audit/1\",7,\"0193a5c0-0000-7000-8000-000000000001\",", form, StringComparison.Ordinal);
        Assert.EndsWith($",{{\"a\":\"x\",\"b\":1}},[],\"corr-1\",\"127.0.0.1\",\"{AuditCanonicalForm.Genesis}\"]", form, StringComparison.Ordinal);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(form)));
        Assert.Equal(expected, AuditCanonicalForm.Hash(Row(), 7, AuditCanonicalForm.Genesis));
        Assert.Matches("^[0-9a-f]{64}$", expected);
    }

    public static TheoryData<string, Func<AuditRecord, AuditRecord>> Changes => new()
    {
        { "user name", r => r with { UserName = "ru.secretary" } },
        { "user", r => r with { UserId = null } },
        { "commission", r => r with { CommissionId = Guid.Empty } },
        { "action", r => r with { Action = "EditMembership.Command" } },
        { "request", r => r with { Request = "{\"b\":2,\"a\":\"x\"}" } },
        { "changes", r => r with { Changes = "[{}]" } },
        { "time", r => r with { At = r.At.AddMilliseconds(1) } },
        { "correlation", r => r with { CorrelationId = null } },
        { "address", r => r with { RemoteAddress = "10.0.0.1" } },
        { "id", r => r with { Id = Guid.Empty } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_of_content_changes_the_hash(string what, Func<AuditRecord, AuditRecord> change)
    {
        Assert.NotEqual(AuditCanonicalForm.Hash(Row(), 3, AuditCanonicalForm.Genesis), AuditCanonicalForm.Hash(change(Row()), 3, AuditCanonicalForm.Genesis));
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void The_place_and_the_predecessor_are_part_of_the_hash()
    {
        var hash = AuditCanonicalForm.Hash(Row(), 3, AuditCanonicalForm.Genesis);
        Assert.NotEqual(hash, AuditCanonicalForm.Hash(Row(), 4, AuditCanonicalForm.Genesis));
        Assert.NotEqual(hash, AuditCanonicalForm.Hash(Row(), 3, new string('1', 64)));
    }
}
