using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Materials;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Materials;

/// <summary>
/// The session pack (KZRU-11, KZRU-13): the agenda the actor may see and every material of those
/// items. Visibility follows <see cref="GetSession"/>: secretaries and co-chairs always; members
/// and representatives once the agenda is published; an invitee only the items they speak to (KZRU-14).
/// </summary>
public static class GetSessionPack
{
    public sealed record Query(Guid SessionId) : IQuery<Result>;

    public sealed record Result(GetSession.Result Session, IReadOnlyList<MaterialView> Materials, bool CanUpload, IReadOnlyList<PersonChoice> Submitters)
    {
        /// <summary>CIS-10: the last moment materials of a regular session reach the members (null where the profile sets no lead time).</summary>
        public DateTimeOffset? MaterialsDue { get; init; }

        public RuleRef? MaterialsRule { get; init; }
    }

    public sealed record MaterialView(
        Guid Id, Guid ItemId, string Title, string FileName, MaterialFileType FileType, long Size, string Sha256,
        LocalizedText SubmittedBy, string ThroughSide, DateTimeOffset UploadedAt, int VersionNumber)
    {
        /// <summary>CIS-10: uploaded after the profile's lead time before the session: flagged late (not refused).</summary>
        public bool IsLate { get; init; }
    }

    public sealed record PersonChoice(Guid PersonId, LocalizedText Name);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommissionOrInvited(actor, await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken)); // the handler narrows to the items an invitee speaks to (KZRU-14)
    }

    public sealed class Handler(CommissionDbContext db, IMediator mediator, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var session = await mediator.Send(new GetSession.Query(request.SessionId), cancellationToken);
            var visible = session.Items.Select(i => i.Id).ToList();
            var rows = await db.Materials.AsNoTracking()
                .Where(m => m.SessionId == request.SessionId && visible.Contains(m.AgendaItemId))
                .Join(db.People, m => m.SubmittedByPersonId, p => p.Id, (m, p) => new { m, p.FullName })
                .Join(db.Sides, x => x.m.ThroughSideId, s => s.Id, (x, s) => new { x.m, x.FullName, s.Code })
                .ToListAsync(cancellationToken);
            // CIS-10: materials of a regular session go to the members N days before it (the end of day D-N in its zone).
            var profile = await Commissions.CommissionRules.ProfileAsync(db, session.CommissionId, cancellationToken);
            DateTimeOffset? due = profile.Agenda.MaterialLeadDays is int lead && session.Kind == Domain.Sessions.SessionKind.Regular
                ? Domain.Sessions.ProposalDeadline.For(session.StartsAt, session.TimeZoneId, lead, profile.Agenda.Counting)
                : null;
            var materials = rows
                .OrderBy(r => r.m.Title, StringComparer.CurrentCulture).ThenBy(r => r.m.VersionNumber)
                .Select(r => new MaterialView(r.m.Id, r.m.AgendaItemId, r.m.Title, r.m.FileName, r.m.FileType, r.m.Size, r.m.Sha256,
                    r.FullName, r.Code, r.m.UploadedAt, r.m.VersionNumber) { IsLate = due is { } d && r.m.UploadedAt > d })
                .ToList();

            var actor = await actors.GetActorAsync(cancellationToken);
            var side = MaterialAccess.SubmittingSide(actor, session.CommissionId);
            var canUpload = side is not null && session.State is not (Domain.Sessions.SessionState.Closed or Domain.Sessions.SessionState.Cancelled);
            IReadOnlyList<PersonChoice> submitters = [];
            if (canUpload && side!.Value.IsSecretary)
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var sideId = side.Value.SideId;
                var people = await db.Memberships.AsNoTracking().ActiveOn(today)
                    .Where(m => m.CommissionId == session.CommissionId && m.SideId == sideId)
                    .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { p.Id, p.FullName })
                    .ToListAsync(cancellationToken);
                submitters = [.. people.DistinctBy(p => p.Id).Select(p => new PersonChoice(p.Id, p.FullName))];
            }

            return new Result(session, materials, canUpload, submitters) { MaterialsDue = due, MaterialsRule = due is null ? null : profile.Agenda.MaterialRule };
        }
    }
}

/// <summary>One material's bytes, for whoever may see its agenda item (KZRU-11, KZRU-14).</summary>
public static class DownloadMaterial
{
    public sealed record Query(Guid SessionId, Guid MaterialId) : IQuery<Result>, IAuditedRead
    {
        public async Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) => await SessionAccess.CommissionOfAsync(db, SessionId, cancellationToken);
    }

    public sealed record Result(string FileName, string ContentType, byte[] Content);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommissionOrInvited(actor, await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken));
    }

    public sealed class Handler(CommissionDbContext db, IMediator mediator) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var material = await db.Materials.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MaterialId && m.SessionId == request.SessionId, cancellationToken)
                ?? throw new NotFoundException("Material", request.MaterialId);
            var session = await mediator.Send(new GetSession.Query(request.SessionId), cancellationToken);
            MaterialAccess.RequireVisible(session, material.AgendaItemId);
            var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == material.FileId, cancellationToken);
            return new Result(material.FileName, file.ContentType, file.Content);
        }
    }
}

/// <summary>
/// The whole session pack as one ZIP (KZRU-13): an index of the agenda (HTML) and the materials
/// in one folder per item, written into <see cref="Query.Target"/> one file at a time.
/// </summary>
public static class WriteSessionPackZip
{
    public sealed record Query(Guid SessionId, Stream Target) : IQuery<string>, IAuditedRead
    {
        public async Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) => await SessionAccess.CommissionOfAsync(db, SessionId, cancellationToken);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommissionOrInvited(actor, await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken)); // the handler narrows to the items an invitee speaks to (KZRU-14)
    }

    public sealed class Handler(CommissionDbContext db, IMediator mediator) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query request, CancellationToken cancellationToken)
        {
            var pack = await mediator.Send(new GetSessionPack.Query(request.SessionId), cancellationToken);
            var s = pack.Session;
            if (!s.AgendaVisible)
            {
                throw ForbiddenException.ByRule(s.ApprovalRule, "Materials.Refused.PackNotPublished", "{0} (Regulation {1}): the session pack is available once both co-chairs have approved and published the agenda.");
            }

            var folders = s.Items.ToDictionary(i => i.Id, i => string.Create(CultureInfo.InvariantCulture, $"{i.Position:00}"));
            using (var zip = new ZipArchive(request.Target, ZipArchiveMode.Create, leaveOpen: true))
            {
                var index = zip.CreateEntry("index.html", CompressionLevel.Optimal);
                await using (var writer = new StreamWriter(await index.OpenAsync(cancellationToken), new UTF8Encoding(false)))
                {
                    await writer.WriteAsync(IndexHtml(pack, folders).AsMemory(), cancellationToken);
                }

                foreach (var m in pack.Materials)
                {
                    var bytes = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == m.Sha256).Select(f => f.Content).SingleAsync(cancellationToken);
                    var entry = zip.CreateEntry($"{folders[m.ItemId]}/v{m.VersionNumber}-{m.FileName}", CompressionLevel.Fastest);
                    await using var target = await entry.OpenAsync(cancellationToken);
                    await target.WriteAsync(bytes, cancellationToken);
                }
            }

            return string.Create(CultureInfo.InvariantCulture, $"{s.CommissionCode}-session-{s.Number}-pack.zip");
        }

        private static string IndexHtml(GetSessionPack.Result pack, Dictionary<Guid, string> folders)
        {
            var s = pack.Session;
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .Append(WebUtility.HtmlEncode($"{s.CommissionCode} {s.Number}"))
                .Append("</title></head><body>");
            html.Append(CultureInfo.InvariantCulture, $"<h1>{WebUtility.HtmlEncode(s.CommissionCode)} — № {s.Number}</h1>");
            html.Append(CultureInfo.InvariantCulture, $"<p>{s.StartsAt:yyyy-MM-dd HH:mm} UTC ({WebUtility.HtmlEncode(s.TimeZoneId)}: {Sessions.SessionTime.ToLocal(s.StartsAt, s.TimeZoneId):yyyy-MM-dd HH:mm}); agenda version {s.AgendaVersion}</p><ol>");
            foreach (var item in s.Items)
            {
                html.Append("<li><p lang=\"kk\">").Append(WebUtility.HtmlEncode(item.Title.Kk)).Append("</p><p lang=\"ru\">")
                    .Append(WebUtility.HtmlEncode(item.Title.Ru)).Append("</p><ul>");
                foreach (var m in pack.Materials.Where(m => m.ItemId == item.Id))
                {
                    var path = $"{folders[item.Id]}/v{m.VersionNumber}-{m.FileName}";
                    html.Append(CultureInfo.InvariantCulture,
                        $"<li><a href=\"{WebUtility.HtmlEncode(Uri.EscapeDataString(folders[item.Id]) + "/" + Uri.EscapeDataString($"v{m.VersionNumber}-{m.FileName}"))}\">{WebUtility.HtmlEncode(path)}</a> — {WebUtility.HtmlEncode(m.Title)} v{m.VersionNumber}, {m.FileType}, {m.Size} B, {WebUtility.HtmlEncode(m.SubmittedBy.Ru)} ({WebUtility.HtmlEncode(m.ThroughSide)}), {m.UploadedAt:yyyy-MM-dd HH:mm} UTC, SHA-256 {m.Sha256}</li>");
                }

                html.Append("</ul></li>");
            }

            html.Append("</ol></body></html>");
            return html.ToString();
        }
    }
}
