using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Materials;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Files;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Materials;

/// <summary>
/// KZRU-13 (Regulation cl. 9): a material is submitted for an agenda item and goes to the
/// co-chairs through the secretary of the submitting side. A secretary uploads for any person of
/// their side; a member uploads for themselves, through their own side's secretary. The type is
/// judged by content, the size against Materials:MaxFileBytes; the file and its record commit in
/// one transaction. A new version of a document keeps the old ones; the same bytes twice for one
/// item are refused.
/// </summary>
public static class UploadMaterial
{
    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        public Guid SessionId { get; set; }
        public Guid ItemId { get; set; }
        /// <summary>The document's title; versions share it. Empty: the file name without its extension.</summary>
        public string? Title { get; set; }
        /// <summary>Secretaries: the person of their side who submitted it (empty: themselves). Members: empty or themselves.</summary>
        public Guid? SubmittedByPersonId { get; set; }
        public string? FileName { get; internal set; }
        public Stream? Content { get; internal set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed record Result(Guid MaterialId, int VersionNumber, string Sha256);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Content).NotNull().WithMessage(_ => text["Materials.Validation.FileRequired"]);
            RuleFor(x => x.Title).MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            request.CommissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
            Require.SignedIn(actor);
            if (MaterialAccess.SubmittingSide(actor, request.CommissionId) is null)
            {
                var rule = (await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken)).RuleOnMaterials();
                throw ForbiddenException.ByRule(rule, "Materials.Refused.Submit", "{0} (Regulation {1}): materials are submitted by the secretaries, or by members through their own side's secretary.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, FileStore files, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            // KZRU-13 for the commission, CIS-10 for the council: the profile's rule on materials.
            var rule = (await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken)).RuleOnMaterials();
            var (sideId, isSecretary) = MaterialAccess.SubmittingSide(actor, request.CommissionId)!.Value;
            var state = await db.Sessions.AsNoTracking().Where(s => s.Id == request.SessionId).Select(s => s.State).SingleAsync(cancellationToken);
            if (state is SessionState.Closed or SessionState.Cancelled)
            {
                throw new RuleViolationException(rule.Id, "Rule.Materials.SessionOver",
                    "{0} (Regulation {1}): materials are submitted while the session is being prepared or held; this session is closed or cancelled.", rule.Id, rule.Clause);
            }

            if (!await db.AgendaItems.AnyAsync(i => i.Id == request.ItemId && i.SessionId == request.SessionId, cancellationToken))
            {
                throw new NotFoundException("Agenda item", request.ItemId);
            }

            var submittedBy = await SubmitterAsync(request, actor, sideId, isSecretary, rule, cancellationToken);
            var (file, type) = await files.AddAsync(request.Content!, rule, cancellationToken);
            if (await db.Materials.AnyAsync(m => m.AgendaItemId == request.ItemId && m.Sha256 == file.Sha256, cancellationToken))
            {
                throw new RuleViolationException(rule.Id, "Rule.Materials.Duplicate",
                    "{0} (Regulation {1}): this very file (same SHA-256) is already among this item's materials; it was not added again.", rule.Id, rule.Clause);
            }

            var fileName = MaterialAccess.SanitiseFileName(request.FileName, type);
            var title = string.IsNullOrWhiteSpace(request.Title) ? Path.GetFileNameWithoutExtension(fileName) : request.Title.Trim();
            var latest = await db.Materials.Where(m => m.AgendaItemId == request.ItemId && m.Title == title)
                .MaxAsync(m => (int?)m.VersionNumber, cancellationToken) ?? 0;
            var material = new Material(Guid.CreateVersion7(), request.SessionId, request.ItemId, file.Id, title, fileName, type,
                file.Size, file.Sha256, submittedBy, sideId, actor.PersonId!.Value, clock.GetUtcNow(), latest + 1);
            db.Materials.Add(material);
            // The search reads the file's text (issue #14), written with the material in the same transaction.
            var (text, outcome) = TextExtraction.Extract(file.Content, type);
            db.MaterialTexts.Add(new MaterialText(material.Id, text, outcome, clock.GetUtcNow()));
            return new Result(material.Id, material.VersionNumber, material.Sha256);
        }

        private async Task<Guid> SubmitterAsync(Command request, Actor actor, Guid sideId, bool isSecretary, RuleRef rule, CancellationToken ct)
        {
            if (request.SubmittedByPersonId is not Guid personId || personId == actor.PersonId)
            {
                return actor.PersonId ?? throw ForbiddenException.ByRule(rule, "Materials.Refused.NoPerson", "{0} (Regulation {1}): your sign-in is not linked to a person of the commission.");
            }

            var cited = Infrastructure.Web.Ui.LocalizeArguments([rule.Id, rule.Clause]);
            if (!isSecretary)
            {
                throw new InputValidationException(nameof(Command.SubmittedByPersonId), rule.Id + ": " + localizer["Materials.Refused.OwnName", cited]);
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var ofSide = await db.Memberships.ActiveOn(today).AnyAsync(m => m.PersonId == personId && m.CommissionId == request.CommissionId && m.SideId == sideId, ct);
            if (!ofSide)
            {
                throw new InputValidationException(nameof(Command.SubmittedByPersonId), rule.Id + ": " + localizer["Materials.Refused.OwnSideOnly", cited]);
            }

            return personId;
        }
    }
}

/// <summary>Who submits and who sees materials (KZRU-11, KZRU-13, KZRU-14).</summary>
public static class MaterialAccess
{
    /// <summary>KZRU-13: the side whose secretary the actor's material goes through, or null when the actor may not submit.</summary>
    public static (Guid SideId, bool IsSecretary)? SubmittingSide(Actor actor, Guid commissionId)
    {
        var secretary = actor.Memberships.FirstOrDefault(m => m.CommissionId == commissionId && m.SideId != null && actor.ProfileOf(commissionId) is { } profile && profile.Permits(m.Seat, Capability.PrepareSessions));
        if (secretary is not null)
        {
            return (secretary.SideId!.Value, true);
        }

        var member = SessionAccess.ProposingSeat(actor, commissionId);
        return member is null ? null : (member.SideId!.Value, false);
    }

    /// <summary>A size as people read it: "812 KB", "3.4 MB".</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    /// <summary>KZRU-11/14: a material is seen by whoever sees its agenda item.</summary>
    public static void RequireVisible(GetSession.Result session, Guid itemId)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.Items.Any(i => i.Id == itemId))
        {
            throw session.Viewer.IsInvitee
                ? ForbiddenException.ByRule(session.InvitationRule, "Materials.Refused.InvitedItemsOnly", "{0} (Regulation {1}): an invited person receives the materials of the items they speak to only.")
                : ForbiddenException.ByRule(session.ApprovalRule, "Materials.Refused.NotPublished", "{0} (Regulation {1}): the materials are available once both co-chairs have approved and published the agenda.");
        }
    }

    /// <summary>The original name without any path, control or reserved characters; never empty; ends with the real type's extension.</summary>
    public static string SanitiseFileName(string? original, MaterialFileType type)
    {
        var name = Path.GetFileName((original ?? string.Empty).Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var clean = new string([.. name.Where(c => !char.IsControl(c) && !invalid.Contains(c))]).Trim().Trim('.');
        var extension = FileTypes.Extension(type);
        var stem = Path.GetFileNameWithoutExtension(clean);
        if (string.IsNullOrWhiteSpace(stem))
        {
            stem = "material";
        }

        if (stem.Length > 200)
        {
            stem = stem[..200];
        }

        var hasRightExtension = string.Equals(Path.GetExtension(clean), extension, StringComparison.OrdinalIgnoreCase)
            || (type == MaterialFileType.Jpeg && string.Equals(Path.GetExtension(clean), ".jpeg", StringComparison.OrdinalIgnoreCase));
        return hasRightExtension ? stem + Path.GetExtension(clean).ToLowerInvariant() : stem + extension;
    }
}
