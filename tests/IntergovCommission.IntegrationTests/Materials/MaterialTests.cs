using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Materials;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Materials;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Materials;

/// <summary>KZRU-13 materials on agenda items, and the session pack (KZRU-11, KZRU-14), on real PostgreSQL.</summary>
public sealed class MaterialTests
{
    internal static byte[] Pdf(string marker) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x01, 0x02];

    private static async Task<(Guid SessionId, Guid[] Items)> SessionWithItemsAsync(TestApp app, int count = 2)
    {
        var sessionId = await CreateSessionAsync(app, 20);
        for (var i = 1; i <= count; i++)
        {
            await AddItemAsync(app, sessionId, $"Вопрос {i}");
        }

        var items = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Id).ToArrayAsync());
        return (sessionId, items);
    }

    private static Task<UploadMaterial.Result> UploadAsync(TestApp app, string user, Guid sessionId, Guid itemId, byte[] bytes, string fileName, string? title = null, Guid? submittedBy = null) =>
        app.SendAsAsync(user, new UploadMaterial.Command
        {
            SessionId = sessionId, ItemId = itemId, Title = title, FileName = fileName, SubmittedByPersonId = submittedBy, Content = new MemoryStream(bytes),
        });

    private static async Task PublishAsync(TestApp app, Guid sessionId)
    {
        await SendForApprovalAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "kz.cochair");
        await ApproveAsync(app, sessionId, "ru.cochair");
    }

    private static Task<int> MaterialCountAsync(TestApp app, Guid sessionId) => app.QueryAsync(db => db.Materials.CountAsync(m => m.SessionId == sessionId));

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("table.xlsx")]
    [InlineData("photo.png")]
    public async Task Wrong_type_is_refused_citing_KZRU_13_whatever_the_file_name(string fileName)
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 1);
        var text = Encoding.UTF8.GetBytes("MZ this is an executable pretending to be " + fileName);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => UploadAsync(app, "kz.secretary", sessionId, items[0], text, fileName));

        Assert.Equal("KZRU-13", refusal.RuleId);
        Assert.Equal("Rule.Materials.Type", refusal.Key);
        Assert.Equal(0, await MaterialCountAsync(app, sessionId));
        Assert.False(await app.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Sha256 == Sha(text))));
    }

    [Fact]
    public async Task Type_comes_from_the_content_and_the_name_gets_the_real_extension_KZRU_13()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 1);

        await UploadAsync(app, "kz.secretary", sessionId, items[0], Png, "../../etc/scheme.docx");

        var row = await app.QueryAsync(db => db.Materials.SingleAsync(m => m.SessionId == sessionId));
        Assert.Equal(MaterialFileType.Png, row.FileType);
        Assert.Equal("scheme.png", row.FileName);
        Assert.Equal("scheme", row.Title);
    }

    [Theory]
    [InlineData(100_000L, "100\u00A0000\u00A0байт")]
    [InlineData(50L * 1024 * 1024, "50\u00A0МБ")]
    [InlineData(512L * 1024, "512\u00A0КБ")]
    public void The_size_limit_is_stated_exactly_in_the_unit_that_reads_right(long bytes, string expected)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ru");
        try
        {
            Assert.Equal(expected, Web.Infrastructure.Files.FileStore.ExactSize(bytes));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task The_audit_row_of_an_upload_records_the_files_length_and_hash_not_its_bytes()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 1);
        var bytes = Pdf("audit-should-not-copy-" + new string('z', 3000));
        await UploadAsync(app, "kz.secretary", sessionId, items[0], bytes, "scheme.pdf");

        var changes = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "UploadMaterial.Command").Select(a => a.Changes).SingleAsync());
        Assert.DoesNotContain(Convert.ToBase64String(bytes)[..40], changes, StringComparison.Ordinal);
        Assert.Contains($"({bytes.Length} bytes)", changes, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_over_the_limit_is_refused_citing_KZRU_13()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Materials:MaxFileBytes"] = "1024" });
        var (sessionId, items) = await SessionWithItemsAsync(app, 1);
        var big = Pdf(new string('x', 2000));

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => UploadAsync(app, "kz.secretary", sessionId, items[0], big, "big.pdf"));

        Assert.Equal("Rule.Materials.TooLargeExact", refusal.Key);
        Assert.Equal("KZRU-13", refusal.RuleId);
        Assert.Contains("1\u00A0KB", refusal.Message, StringComparison.Ordinal); // the limit exactly, not "0 MB"
        Assert.Equal(0, await MaterialCountAsync(app, sessionId));
        Assert.False(await app.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Sha256 == Sha(big))));
    }

    [Fact]
    public async Task Failed_upload_leaves_no_material_row_and_no_stored_file_KZRU_13()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 1);
        var bytes = Pdf("fails half-way");
        // The record's insert fails after the file's insert, inside the same transaction (as a full disk or a lost connection would).
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION test_refuse_material() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$;
            CREATE TRIGGER test_refuse_material BEFORE INSERT ON materials FOR EACH ROW EXECUTE FUNCTION test_refuse_material();
            """));

        await Assert.ThrowsAnyAsync<Exception>(() => UploadAsync(app, "kz.secretary", sessionId, items[0], bytes, "doc.pdf"));

        Assert.Equal(0, await MaterialCountAsync(app, sessionId));
        Assert.False(await app.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Sha256 == Sha(bytes))));

        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER test_refuse_material ON materials; DROP FUNCTION test_refuse_material();"));
        await UploadAsync(app, "kz.secretary", sessionId, items[0], bytes, "doc.pdf");
        Assert.Equal(1, await MaterialCountAsync(app, sessionId));
    }

    [Fact]
    public async Task Same_upload_twice_is_refused_and_leaves_one_row_KZRU_13()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 2);
        var bytes = Pdf("posted twice");
        await UploadAsync(app, "kz.secretary", sessionId, items[0], bytes, "doc.pdf");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => UploadAsync(app, "ru.secretary", sessionId, items[0], bytes, "copy.pdf", "Другое название"));

        Assert.Equal("Rule.Materials.Duplicate", refusal.Key);
        Assert.Equal(1, await MaterialCountAsync(app, sessionId));
        // The same bytes for another item are that item's material; the store keeps one copy.
        await UploadAsync(app, "kz.secretary", sessionId, items[1], bytes, "doc.pdf");
        Assert.Equal(2, await MaterialCountAsync(app, sessionId));
        Assert.Equal(1, await app.QueryAsync(db => db.StoredFiles.CountAsync(f => f.Sha256 == Sha(bytes))));
    }

    [Fact]
    public async Task New_version_keeps_the_old_one_KZRU_13()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 1);
        var first = Pdf("v1");
        var second = Pdf("v2");

        var v1 = await UploadAsync(app, "kz.secretary", sessionId, items[0], first, "programme.pdf", "Программа испытаний");
        var v2 = await UploadAsync(app, "kz.secretary", sessionId, items[0], second, "programme-rev.pdf", "Программа испытаний");

        Assert.Equal(1, v1.VersionNumber);
        Assert.Equal(2, v2.VersionNumber);
        var old = await app.SendAsAsync("kz.cochair", new DownloadMaterial.Query(sessionId, v1.MaterialId));
        Assert.Equal(first, old.Content);
        var pack = await app.SendAsAsync("ru.cochair", new GetSessionPack.Query(sessionId));
        Assert.Equal([1, 2], pack.Materials.Select(m => m.VersionNumber));
    }

    [Fact]
    public async Task Secretary_records_the_submitter_of_their_side_and_member_goes_through_own_side_secretary_KZRU_13()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 1);
        var people = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member" || u.UserName == "ru.member").ToDictionaryAsync(u => u.UserName!, u => u.PersonId!.Value));
        var sides = await app.QueryAsync(db => db.Sides.ToDictionaryAsync(s => s.Code, s => s.Id));

        await UploadAsync(app, "kz.secretary", sessionId, items[0], Pdf("for member"), "a.pdf", submittedBy: people["kz.member"]);
        var otherSide = await Assert.ThrowsAsync<InputValidationException>(() =>
            UploadAsync(app, "kz.secretary", sessionId, items[0], Pdf("other side"), "b.pdf", submittedBy: people["ru.member"]));
        await UploadAsync(app, "ru.member", sessionId, items[0], Pdf("own"), "c.pdf");

        Assert.Contains("KZRU-13", otherSide.Message, StringComparison.Ordinal);
        var rows = await app.QueryAsync(db => db.Materials.Where(m => m.SessionId == sessionId).OrderBy(m => m.UploadedAt).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal((people["kz.member"], sides["KZ"]), (rows[0].SubmittedByPersonId, rows[0].ThroughSideId));
        Assert.Equal((people["ru.member"], sides["RU"]), (rows[1].SubmittedByPersonId, rows[1].ThroughSideId));
        await Assert.ThrowsAsync<ForbiddenException>(() => UploadAsync(app, "kz.representative", sessionId, items[0], Pdf("rep"), "d.pdf"));
    }

    [Fact]
    public async Task Member_cannot_download_before_the_agenda_is_published_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 1);
        var bytes = Pdf("draft material");
        var material = await UploadAsync(app, "ru.secretary", sessionId, items[0], bytes, "draft.pdf");

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new DownloadMaterial.Query(sessionId, material.MaterialId)));
        Assert.Contains("KZRU-11", refusal.Message, StringComparison.Ordinal);
        Assert.Empty((await app.SendAsAsync("kz.member", new GetSessionPack.Query(sessionId))).Materials);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.representative", new WriteSessionPackZip.Query(sessionId, new MemoryStream())));
        Assert.Equal(bytes, (await app.SendAsAsync("kz.secretary", new DownloadMaterial.Query(sessionId, material.MaterialId))).Content);

        await PublishAsync(app, sessionId);
        Assert.Equal(bytes, (await app.SendAsAsync("kz.member", new DownloadMaterial.Query(sessionId, material.MaterialId))).Content);
        Assert.Equal(bytes, (await app.SendAsAsync("kz.representative", new DownloadMaterial.Query(sessionId, material.MaterialId))).Content);
    }

    [Fact]
    public async Task Invitee_downloads_only_the_materials_of_their_items_KZRU_14()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var personId = await CreateInviteeUserAsync(app, commissionId, "guest.expert");
        var (sessionId, items) = await SessionWithItemsAsync(app, 2);
        var theirs = await UploadAsync(app, "kz.secretary", sessionId, items[0], Pdf("their item"), "theirs.pdf");
        var other = await UploadAsync(app, "kz.secretary", sessionId, items[1], Pdf("not theirs"), "other.pdf");
        await app.SendAsAsync("kz.secretary", new SaveInvitee.Command
        {
            SessionId = sessionId, Version = await RowVersionAsync(app, sessionId),
            FullName = "Ержан Ахметов", Organisation = "Байтерек", PersonId = personId, Topics = "Стартовый комплекс", ItemIds = [items[0]],
        });
        await PublishAsync(app, sessionId);

        Assert.Equal(Pdf("their item"), (await app.SendAsAsync("guest.expert", new DownloadMaterial.Query(sessionId, theirs.MaterialId))).Content);
        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("guest.expert", new DownloadMaterial.Query(sessionId, other.MaterialId)));
        Assert.Contains("KZRU-14", refusal.Message, StringComparison.Ordinal);
        Assert.Equal([theirs.MaterialId], (await app.SendAsAsync("guest.expert", new GetSessionPack.Query(sessionId))).Materials.Select(m => m.Id));
    }

    [Fact]
    public async Task Zip_of_the_pack_holds_every_material_with_identical_SHA_256_KZRU_13()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, items) = await SessionWithItemsAsync(app, 2);
        var uploaded = new[]
        {
            await UploadAsync(app, "kz.secretary", sessionId, items[0], Pdf("one"), "one.pdf", "Документ"),
            await UploadAsync(app, "kz.secretary", sessionId, items[0], Pdf("one, revised"), "one.pdf", "Документ"),
            await UploadAsync(app, "ru.secretary", sessionId, items[1], Png, "scheme.png"),
        };
        await PublishAsync(app, sessionId);

        using var zipBytes = new MemoryStream();
        await app.SendAsAsync("kz.member", new WriteSessionPackZip.Query(sessionId, zipBytes));
        zipBytes.Position = 0;
        using var zip = new ZipArchive(zipBytes, ZipArchiveMode.Read);

        var index = zip.GetEntry("index.html");
        Assert.NotNull(index);
        using (var reader = new StreamReader(index.Open()))
        {
            var html = await reader.ReadToEndAsync();
            Assert.Contains("Вопрос 1", html, StringComparison.Ordinal);
            Assert.Contains("Вопрос 2", html, StringComparison.Ordinal);
        }

        var hashes = new List<string>();
        foreach (var entry in zip.Entries.Where(e => e.FullName != "index.html"))
        {
            using var content = new MemoryStream();
            await using (var stream = entry.Open())
            {
                await stream.CopyToAsync(content);
            }

            hashes.Add(Sha(content.ToArray()));
        }

        Assert.Equal(uploaded.Select(u => u.Sha256).Order(StringComparer.Ordinal), hashes.Order(StringComparer.Ordinal));
        Assert.Equal(2, zip.Entries.Count(e => e.FullName.StartsWith("01/", StringComparison.Ordinal)));
    }

    internal static async Task<Guid> CreateInviteeUserAsync(TestApp app, Guid commissionId, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var person = new Person(Guid.CreateVersion7(), LocalizedText.Of(null, "Ержан Ахметов"), null, null, DateTimeOffset.UtcNow);
        db.People.Add(person);
        db.Memberships.Add(new Membership(Guid.CreateVersion7(), commissionId, null, person.Id, CommissionRole.Invitee,
            new MembershipDetails(LocalizedText.Of(null, "Эксперт"), LocalizedText.Of(null, "Байтерек"), LocalizedText.Empty, null, null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), null)));
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { Id = Guid.CreateVersion7(), UserName = userName, PersonId = person.Id, DisplayName = "Ержан Ахметов", CreatedAt = DateTimeOffset.UtcNow }, "Guest-Password-2026");
        Assert.True(result.Succeeded);
        return person.Id;
    }
}
