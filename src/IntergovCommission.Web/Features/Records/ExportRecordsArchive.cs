using IntergovCommission.Domain.Regulation;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Documents;
using IntergovCommission.Web.Infrastructure.Documents;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Records;

/// <summary>
/// KZRU-22: the archive of a commission's records for a period (sessions that started in it): every
/// issued decision PDF, the minutes of each held session, every material, and manifest.json listing
/// each file with its SHA-256 and size; manifest.json.sig is the manifest's signature by the server's
/// document certificate (RSA PKCS#1 v1.5, SHA-256, base64) and signing-certificate.cer the
/// certificate, so the archive can be checked without the server. The export is audited.
/// </summary>
public static class ExportRecordsArchive
{
    public sealed record Query(Guid CommissionId, DateOnly? From, DateOnly? To) : IQuery<Archive>, IAuditedRead
    {
        public Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) => Task.FromResult<Guid?>(CommissionId);
    }

    public sealed record Archive(string FileName, byte[] Zip, string Sha256, int Files);

    public sealed record ManifestFile(string Path, string Sha256, long Size, string Kind, string? Number);

    public sealed record Manifest(string Format, Guid CommissionId, string CommissionCode, DateOnly From, DateOnly To, DateTimeOffset CreatedAt, string RetentionRule, DateOnly? KeepUntil, IReadOnlyList<ManifestFile> Files);

    public const string ManifestFormat = "intergov-records-archive/1";

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            if (!actor.IsAdministrator && !actor.May(request.CommissionId, Capability.KeepRecords))
            {
                // KZRU-22 for the commission; the council's rule for its records (the profile's grant).
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.KeepRecords, cancellationToken);
                throw new ForbiddenException("Only the commission's secretaries and administrators export its records.", rule.Id);
            }
        }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.From).NotNull().WithMessage(text["Records.Validation.PeriodRequired"]);
            RuleFor(q => q.To).NotNull().WithMessage(text["Records.Validation.PeriodRequired"]);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage(text["Audit.Validation.ToBeforeFrom"]);
        }
    }

    public sealed class Handler(CommissionDbContext db, IMediator mediator, ServerSigningCertificate certificate, TimeProvider clock) : IRequestHandler<Query, Archive>
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

        public async Task<Archive> Handle(Query request, CancellationToken cancellationToken)
        {
            var (from, to) = (request.From!.Value, request.To!.Value);
            var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == request.CommissionId).Select(c => new { c.Code }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Commission", request.CommissionId);
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var sessions = await db.Sessions.AsNoTracking()
                .Where(s => s.CommissionId == request.CommissionId && s.StartsAt >= start && s.StartsAt < end)
                .OrderBy(s => s.Number).Select(s => new { s.Id, s.Number, s.State }).ToListAsync(cancellationToken);
            var sessionIds = sessions.Select(s => s.Id).ToList();

            var files = new List<(ManifestFile Entry, byte[] Content)>();
            void Add(string path, byte[] content, string kind, string? number) =>
                files.Add((new ManifestFile(path, Convert.ToHexStringLower(SHA256.HashData(content)), content.LongLength, kind, number), content));

            var issued = await (from i in db.IssuedDecisionDocuments.AsNoTracking()
                                join d in db.Decisions on i.DecisionId equals d.Id
                                join f in db.StoredFiles on i.FileId equals f.Id
                                where sessionIds.Contains(d.SessionId)
                                orderby d.Number, i.VersionNumber
                                select new { d.Number, i.VersionNumber, f.Content }).ToListAsync(cancellationToken);
            foreach (var d in issued)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"decisions/decision-{d.Number}-v{d.VersionNumber}.pdf"), d.Content, "decision", d.Number);
            }

            foreach (var s in sessions.Where(s => s.State is SessionState.InProgress or SessionState.Closed))
            {
                var minutes = await mediator.Send(new GetMinutesPdf.Query(s.Id), cancellationToken);
                Add(string.Create(CultureInfo.InvariantCulture, $"minutes/minutes-{s.Number}.pdf"), minutes.Content, "minutes", s.Number.ToString(CultureInfo.InvariantCulture));
            }

            var materials = await (from m in db.Materials.AsNoTracking()
                                   join f in db.StoredFiles on m.FileId equals f.Id
                                   join s in db.Sessions on m.SessionId equals s.Id
                                   where sessionIds.Contains(m.SessionId)
                                   orderby s.Number, m.UploadedAt
                                   select new { s.Number, m.Id, m.FileName, m.VersionNumber, f.Content }).ToListAsync(cancellationToken);
            foreach (var m in materials)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"materials/session-{m.Number}/{m.Id:N}-v{m.VersionNumber}-{m.FileName}"), m.Content, "material", m.Number.ToString(CultureInfo.InvariantCulture));
            }

            var retention = await mediator.Send(new GetRecordRetention.Query(request.CommissionId), cancellationToken);
            var manifest = new Manifest(ManifestFormat, request.CommissionId, commission.Code, from, to, clock.GetUtcNow(), $"{retention.RuleId} ({retention.Clause})", retention.KeepUntil,
                files.Select(f => f.Entry).ToList());
            var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
            using var rsa = certificate.Certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The document certificate has no RSA private key.");
            var signature = Convert.ToBase64String(rsa.SignData(manifestBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (entry, content) in files)
                {
                    await using var stream = zip.CreateEntry(entry.Path, CompressionLevel.Optimal).Open();
                    await stream.WriteAsync(content, cancellationToken);
                }

                await Write(zip, "manifest.json", manifestBytes, cancellationToken);
                await Write(zip, "manifest.json.sig", Encoding.ASCII.GetBytes(signature + "\n"), cancellationToken);
                await Write(zip, "signing-certificate.cer", certificate.Certificate.Export(X509ContentType.Cert), cancellationToken);
            }

            var bytes = buffer.ToArray();
            return new Archive(string.Create(CultureInfo.InvariantCulture, $"records-{commission.Code}-{from:yyyyMMdd}-{to:yyyyMMdd}.zip"), bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), files.Count);
        }

        private static async Task Write(ZipArchive zip, string name, byte[] content, CancellationToken ct)
        {
            await using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            await stream.WriteAsync(content, ct);
        }
    }
}
