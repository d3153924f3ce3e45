using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Materials;
using IntergovCommission.Web.Features.Records;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Records;

/// <summary>KZRU-22 (issue #14): the archive of a period with its signed manifest, and the disposal act refused within the term.</summary>
public sealed class ArchiveAndDisposalTests
{
    private static async Task<(Guid CommissionId, string DecisionNumber)> IssuedWithMaterialAsync(TestApp app)
    {
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        await app.SendAsAsync("kz.secretary", new UploadMaterial.Command
        {
            SessionId = adopted.SessionId, ItemId = adopted.ItemId, Title = "Справка", FileName = "note.pdf",
            Content = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")),
        });
        var hash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));
        foreach (var (user, kind) in new[] { ("kz.secretary", SignatureKind.Sign), ("ru.secretary", SignatureKind.Sign), ("kz.cochair", SignatureKind.Approve), ("ru.cochair", SignatureKind.Approve) })
        {
            await app.SendAsAsync(user, new SignDecision.Command { DecisionId = adopted.DecisionId, Kind = kind, ContentHash = hash, Confirmation = DecisionScenario.Password });
        }

        return await app.QueryAsync(async db => await db.Decisions.Where(d => d.Id == adopted.DecisionId).Select(d => new ValueTuple<Guid, string>(d.CommissionId, d.Number)).SingleAsync());
    }

    [Fact]
    public async Task The_archive_holds_every_record_of_the_period_with_a_manifest_signed_by_the_document_certificate()
    {
        await using var app = await TestApp.CreateAsync();
        var (commissionId, number) = await IssuedWithMaterialAsync(app);
        var today = Demo.Today;

        var archive = await app.SendAsAsync("ru.secretary", new ExportRecordsArchive.Query(commissionId, today.AddYears(-1), today.AddYears(1)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(archive.Zip)), archive.Sha256);
        using var zip = new ZipArchive(new MemoryStream(archive.Zip));
        byte[] Read(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        var manifestBytes = Read("manifest.json");
        using var manifest = JsonDocument.Parse(manifestBytes);
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Contains(files, f => f.GetProperty("kind").GetString() == "decision" && f.GetProperty("number").GetString() == number);
        Assert.Contains(files, f => f.GetProperty("kind").GetString() == "minutes");
        Assert.Contains(files, f => f.GetProperty("kind").GetString() == "material");
        foreach (var file in files)
        {
            var content = Read(file.GetProperty("path").GetString()!);
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(content)));
            Assert.Equal(file.GetProperty("size").GetInt64(), content.LongLength);
        }

        using var certificate = X509CertificateLoader.LoadCertificate(Read("signing-certificate.cer"));
        using var rsa = certificate.GetRSAPublicKey()!;
        var signature = Convert.FromBase64String(Encoding.ASCII.GetString(Read("manifest.json.sig")).Trim());
        Assert.True(rsa.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        manifestBytes[^3] ^= 1;
        Assert.False(rsa.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), "a changed manifest no longer verifies");

        var empty = await app.SendAsAsync("admin", new ExportRecordsArchive.Query(commissionId, today.AddYears(-10), today.AddYears(-9)));
        Assert.Equal(0, empty.Files);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new ExportRecordsArchive.Query(commissionId, today, today)));
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ExportRecordsArchive.Query")));
    }

    [Fact]
    public async Task Disposal_is_refused_within_the_term_and_recorded_after_it()
    {
        await using var app = await TestApp.CreateAsync();
        var (commissionId, _) = await IssuedWithMaterialAsync(app);
        var today = Demo.Today;
        var archive = await app.SendAsAsync("kz.secretary", new ExportRecordsArchive.Query(commissionId, today.AddYears(-1), today));
        var command = new RecordDisposalAct.Command { CommissionId = commissionId, From = today.AddYears(-1), To = today, ByDecision = "Решение № 9-1", ArchiveSha256 = archive.Sha256 };

        // No completion recorded: the term has not even started.
        var notStarted = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", command));
        Assert.Equal(("KZRU-22", "Rule.Records.KeptTermNotStarted"), (notStarted.RuleId, notStarted.Key));
        await app.SendAsAsync("kz.secretary", new RecordFlightTestsCompletion.Command { CommissionId = commissionId, CompletedOn = today.AddYears(-2), Act = "Акт № 2" });
        var within = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("ru.secretary", command));
        Assert.Equal(("KZRU-22", "Rule.Records.KeptUntil"), (within.RuleId, within.Key));
        var admin = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("admin", command));
        Assert.Equal("KZRU-22", admin.RuleId);
        Assert.Equal(0, await app.QueryAsync(db => db.DisposalActs.CountAsync()));

        await app.SendAsAsync("kz.secretary", new RecordFlightTestsCompletion.Command { CommissionId = commissionId, CompletedOn = today.AddYears(-3).AddDays(-2), Act = "Акт № 2 (уточнённый)" });
        var id = await app.SendAsAsync("ru.secretary", command);
        var act = await app.QueryAsync(db => db.DisposalActs.SingleAsync(a => a.Id == id));
        Assert.Equal((archive.Sha256, "Решение № 9-1"), (act.ArchiveSha256, act.ByDecision));
        using var records = JsonDocument.Parse(act.Records);
        Assert.Equal(1, records.RootElement.GetProperty("decisions").GetArrayLength());
        Assert.Equal(1, records.RootElement.GetProperty("materials").GetArrayLength());
        Assert.Single(await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "RecordDisposalAct.Command").ToListAsync()));
    }
}
