using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.IntegrationTests.Account;
using IntergovCommission.IntegrationTests.Materials;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Materials;
using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Features.Search;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Search;

/// <summary>
/// The search (issue #14) on real PostgreSQL: every kind of record is found by those who may read it and
/// by nobody else (the other commission, an invitee outside their items, a member before the agenda is
/// published, a proposal outside its side); Russian by stem, Kazakh by folded prefix; the passage marked.
/// </summary>
public sealed class SearchTests
{
    private static Task<SearchRecords.Result> SearchAsync(TestApp app, string user, string text, SearchKind? kind = null, int? year = null) =>
        app.SendAsAsync(user, new SearchRecords.Query { Text = text, Kind = kind, Year = year });

    private static async Task<IReadOnlyList<Guid>> FoundAsync(TestApp app, string user, string text, SearchKind? kind = null) =>
        [.. (await SearchAsync(app, user, text, kind)).Hits.Select(h => h.Id)];

    /// <summary>A one-page PDF whose text layer says <paramref name="text"/> (ASCII, Helvetica).</summary>
    internal static byte[] PdfWithText(string text)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A DOCX with one paragraph.</summary>
    internal static byte[] DocxWithText(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Task<UploadMaterial.Result> UploadAsync(TestApp app, Guid sessionId, Guid itemId, byte[] bytes, string fileName, string title) =>
        app.SendAsAsync("kz.secretary", new UploadMaterial.Command { SessionId = sessionId, ItemId = itemId, Title = title, FileName = fileName, Content = new MemoryStream(bytes) });

    [Fact]
    public async Task Decisions_and_minutes_are_found_by_the_commission_only_never_by_an_invitee_or_another_commission()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        await MaterialTests.CreateInviteeUserAsync(app, commissionId, "guest.expert");
        await CrossCommissionTests.OtherCommissionWithSecretaryAsync(app, "other.secretary");

        // Kazakh by a word of the text, typed in capitals without the Kazakh letters: «СЫНАКТАРЫНЫН» for «сынақтарының».
        var found = await SearchAsync(app, "kz.member", "СЫНАКТАРЫНЫН", SearchKind.Decision);
        var hit = Assert.Single(found.Hits);
        Assert.Equal(adopted.DecisionId, hit.Id);
        Assert.Contains(hit.Passage, p => p.Match && p.Text == "сынақтарының");
        Assert.Equal(adopted.DecisionId, Assert.Single(await FoundAsync(app, "admin", "сынақтарының", SearchKind.Decision)));

        // Russian by its stem: «испытаниями» finds «испытаний» in the title and text.
        Assert.Contains(adopted.DecisionId, await FoundAsync(app, "ru.member", "испытаниями", SearchKind.Decision));

        // The minutes of the session in progress: its items are in them.
        Assert.Contains(adopted.SessionId, await FoundAsync(app, "kz.member", "программы испытаний", SearchKind.Minutes));

        foreach (var outsider in new[] { "guest.expert", "other.secretary" })
        {
            Assert.Empty(await FoundAsync(app, outsider, "сынақтарының"));
            Assert.Empty(await FoundAsync(app, outsider, "испытаний"));
        }
    }

    [Fact]
    public async Task Agenda_items_and_materials_are_found_as_the_agenda_shows_them_KZRU_11_KZRU_14()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        await MaterialTests.CreateInviteeUserAsync(app, commissionId, "guest.expert");
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "О стартовом комплексе Зенит");
        await AddItemAsync(app, sessionId, "О телеметрии Зенит");
        var items = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Id).ToArrayAsync());
        var theirs = await UploadAsync(app, sessionId, items[0], PdfWithText("Zvezdolet readiness report"), "report.pdf", "Справка");
        var other = await UploadAsync(app, sessionId, items[1], DocxWithText("Телеметрия звездолёта: Zvezdolet канал"), "telemetry.docx", "Записка");
        await app.SendAsAsync("kz.secretary", new SaveInvitee.Command
        {
            SessionId = sessionId, Version = await RowVersionAsync(app, sessionId),
            FullName = "Ержан Ахметов", Organisation = "Байтерек", PersonId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "guest.expert").Select(u => u.PersonId!.Value).SingleAsync()),
            Topics = "Стартовый комплекс", ItemIds = [items[0]],
        });
        await CrossCommissionTests.OtherCommissionWithSecretaryAsync(app, "other.secretary");

        // The text of both files was read at upload: the PDF's and the DOCX's.
        Assert.Equal([theirs.MaterialId, other.MaterialId], (await FoundAsync(app, "kz.secretary", "zvezdolet", SearchKind.Material)).Order());
        Assert.Equal(items.Order(), (await FoundAsync(app, "kz.secretary", "зенит", SearchKind.Item)).Order());

        // Before the agenda is published only its staff find the items and materials.
        Assert.Empty(await FoundAsync(app, "kz.member", "zvezdolet"));
        Assert.Empty(await FoundAsync(app, "kz.member", "зенит"));
        Assert.Empty(await FoundAsync(app, "guest.expert", "zvezdolet"));

        await SendForApprovalAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "kz.cochair");
        await ApproveAsync(app, sessionId, "ru.cochair");

        Assert.Equal(2, (await FoundAsync(app, "kz.member", "zvezdolet")).Count);
        Assert.Equal(2, (await FoundAsync(app, "ru.member", "зенит", SearchKind.Item)).Count);
        // The invitee: their item and its material, nothing of the other item.
        Assert.Equal([theirs.MaterialId], await FoundAsync(app, "guest.expert", "zvezdolet"));
        Assert.Equal([items[0]], await FoundAsync(app, "guest.expert", "зенит"));
        Assert.Empty(await FoundAsync(app, "guest.expert", "телеметрия"));
        // Another commission: nothing.
        Assert.Empty(await FoundAsync(app, "other.secretary", "zvezdolet"));
        Assert.Empty(await FoundAsync(app, "other.secretary", "зенит"));
    }

    [Fact]
    public async Task A_proposal_is_found_by_its_proposer_and_its_sides_secretary_only_KZRU_06()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 40);
        var proposal = await app.SendAsAsync("kz.member", new SubmitProposal.Command { SessionId = sessionId, TitleRu = "О переносе сроков Байконур", RationaleRu = "Сдвиг графика." });
        await CrossCommissionTests.OtherCommissionWithSecretaryAsync(app, "other.secretary");

        Assert.Equal([proposal.ProposalId], await FoundAsync(app, "kz.member", "байконур", SearchKind.Proposal));
        Assert.Equal([proposal.ProposalId], await FoundAsync(app, "kz.secretary", "байконур"));
        foreach (var outsider in new[] { "ru.secretary", "ru.member", "kz.representative", "other.secretary" })
        {
            Assert.Empty(await FoundAsync(app, outsider, "байконур"));
        }
    }

    [Fact]
    public async Task Filters_narrow_by_year_and_commission_and_pages_say_when_more_follow()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var sessionId = await CreateSessionAsync(app, 20);
        for (var i = 0; i < SearchRecords.PageSize + 2; i++)
        {
            await AddItemAsync(app, sessionId, $"Вопрос о ракете номер {i}");
        }

        var year = await app.QueryAsync(db => db.SearchEntries.Where(e => e.SessionId == sessionId).Select(e => e.Year).FirstAsync());
        var first = await SearchAsync(app, "kz.secretary", "ракете", SearchKind.Item, year);
        Assert.Equal(SearchRecords.PageSize, first.Hits.Count);
        Assert.True(first.HasMore);
        var second = await app.SendAsAsync("kz.secretary", new SearchRecords.Query { Text = "ракете", Year = year, Page = 2 });
        Assert.Equal(2, second.Hits.Count);
        Assert.False(second.HasMore);
        Assert.Empty((await SearchAsync(app, "kz.secretary", "ракете", SearchKind.Item, year - 3)).Hits);
        Assert.Empty((await app.SendAsAsync("admin", new SearchRecords.Query { Text = "ракете", CommissionId = Guid.NewGuid() })).Hits);
        Assert.Equal(SearchRecords.PageSize, (await app.SendAsAsync("admin", new SearchRecords.Query { Text = "ракете", CommissionId = commissionId, SessionId = sessionId })).Hits.Count);
    }

    [Fact]
    public async Task An_unscheduled_item_reaches_the_members_search_only_once_both_co_chairs_accepted_it_KZRU_12()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 9);
        await AddItemAsync(app, sessionId, "О графике работ");
        var late = await app.SendAsAsync("kz.member", new SubmitProposal.Command { SessionId = sessionId, TitleRu = "О внеплановом ремонте Протон", TitleKk = "Протонды жоспардан тыс жөндеу туралы", RationaleRu = "Срочно." });
        var version = await app.QueryAsync(db => db.AgendaProposals.Where(p => p.Id == late.ProposalId).Select(p => p.Version).SingleAsync());
        await app.SendAsAsync("kz.secretary", new AcceptProposal.Command { ProposalId = late.ProposalId, Version = version });
        var item = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId && i.IsUnscheduled).Select(i => i.Id).SingleAsync());
        await SendForApprovalAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "kz.cochair");
        await ApproveAsync(app, sessionId, "ru.cochair");

        Assert.Equal([item], await FoundAsync(app, "kz.secretary", "протон", SearchKind.Item));
        Assert.Empty(await FoundAsync(app, "ru.member", "протон", SearchKind.Item));

        await app.SendAsAsync("kz.cochair", new AcceptUnscheduledItem.Command { SessionId = sessionId, Version = await RowVersionAsync(app, sessionId), ItemId = item });
        Assert.Empty(await FoundAsync(app, "ru.member", "протон", SearchKind.Item));
        await app.SendAsAsync("ru.cochair", new AcceptUnscheduledItem.Command { SessionId = sessionId, ItemId = item });
        Assert.Equal([item], await FoundAsync(app, "ru.member", "протон", SearchKind.Item));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("«»—!?")]
    public async Task A_search_without_a_word_is_refused_naming_the_field(string text)
    {
        await using var app = await TestApp.CreateAsync();
        var refusal = await Assert.ThrowsAsync<InputValidationException>(() => SearchAsync(app, "kz.member", text));
        Assert.Contains(nameof(SearchRecords.Query.Text), refusal.Errors.Keys);
    }

    [Fact]
    public void The_passage_keeps_the_original_letters_and_marks_only_what_matched()
    {
        var segments = SearchRecords.Passage("бул \uE000казакстан\uE001 <script>", "Бұл Қазақстан <script>");
        Assert.Equal(["Бұл ", "Қазақстан", " <script>"], segments.Select(s => s.Text));
        Assert.Equal([false, true, false], segments.Select(s => s.Match));
    }
}
