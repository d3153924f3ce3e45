using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Commissions;

/// <summary>
/// An administrator creates a commission: its code, names (kk/ru/en), the regulation profile it
/// runs under and its national parts (KZRU-02, Regulation cl. 11): each side with its code, names,
/// IANA time zone, the authority that appoints its members and the body on whose proposal.
/// </summary>
public static class CreateCommission
{
    public const int MinimumSides = 2;

    public sealed class Command : ICommand<Guid>
    {
        public string? Code { get; set; }
        public string? NameRu { get; set; }
        public string? NameKk { get; set; }
        public string? NameEn { get; set; }
        public Guid? ProfileId { get; set; }
        public List<SideInput> Sides { get; set; } = [];

        /// <summary>Rows the user left entirely blank (the form offers spare rows) are not sides.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public IEnumerable<SideInput> FilledSides => Sides.Where(s => !s.IsBlank);
    }

    public sealed class SideInput
    {
        public string? Code { get; set; }
        public string? NameRu { get; set; }
        public string? NameKk { get; set; }
        public string? NameEn { get; set; }
        public string? TimeZoneId { get; set; }
        public string? AppointingAuthorityRu { get; set; }
        public string? AppointingAuthorityKk { get; set; }
        public string? AppointingAuthorityEn { get; set; }
        public string? NominatingBodyRu { get; set; }
        public string? NominatingBodyKk { get; set; }
        public string? NominatingBodyEn { get; set; }

        [System.Text.Json.Serialization.JsonIgnore]
        public bool IsBlank =>
            new[] { Code, NameRu, NameKk, NameEn, TimeZoneId, AppointingAuthorityRu, AppointingAuthorityKk, AppointingAuthorityEn, NominatingBodyRu, NominatingBodyKk, NominatingBodyEn }
                .All(string.IsNullOrWhiteSpace);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, CommissionDbContext db)
        {
            RuleFor(x => x.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Admin.Validation.CommissionCodeRequired"])
                .Matches(@"^\s*[A-Za-z0-9][A-Za-z0-9_-]{1,31}\s*$").WithMessage(_ => text["Admin.Validation.CommissionCodeFormat"])
                .MustAsync(async (code, ct) =>
                {
                    // Codes are stored upper-case (Normalize), so equality is case-insensitive uniqueness.
                    var normalized = Normalize(code);
                    return !await db.Commissions.AnyAsync(c => c.Code == normalized, ct);
                })
                .WithMessage(x => text["Admin.Validation.CommissionCodeTaken", Normalize(x.Code)]);
            RuleFor(x => x.NameRu).NotEmpty().WithMessage(_ => text["Admin.Validation.NameRuRequired"])
                .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.NameKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.NameEn).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.ProfileId).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => text["Admin.Validation.ProfileRequired"])
                .MustAsync(async (id, ct) => await db.RegulationProfiles.AnyAsync(p => p.Id == id, ct)).WithMessage(_ => text["Admin.Validation.ProfileRequired"]);
            RuleFor(x => x.Sides)
                .Must(sides => sides.Count(s => !s.IsBlank) >= MinimumSides).WithMessage(_ => text["Admin.Validation.TwoSides", MinimumSides]);
            RuleForEach(x => x.Sides).Where(s => !s.IsBlank).ChildRules(side =>
            {
                side.RuleFor(s => s.Code).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(_ => text["Admin.Validation.SideCodeRequired"])
                    .Matches(@"^\s*[A-Za-z0-9]{1,8}\s*$").WithMessage(_ => text["Admin.Validation.SideCodeFormat"]);
                side.RuleFor(s => s.NameRu).NotEmpty().WithMessage(_ => text["Admin.Validation.SideNameRequired"])
                    .MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
                side.RuleFor(s => s.NameKk).MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
                side.RuleFor(s => s.NameEn).MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
                side.RuleFor(s => s.TimeZoneId).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(_ => text["Admin.Validation.TimeZoneRequired"])
                    .Must(IsIanaZone).WithMessage(s => text["Admin.Validation.TimeZoneUnknown", s.TimeZoneId ?? string.Empty]);
                side.RuleFor(s => s.AppointingAuthorityRu).NotEmpty().WithMessage(_ => text["Admin.Validation.AppointingAuthorityRequired"])
                    .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
                side.RuleFor(s => s.NominatingBodyRu).NotEmpty().WithMessage(_ => text["Admin.Validation.NominatingBodyRequired"])
                    .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
                side.RuleFor(s => s.AppointingAuthorityKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
                side.RuleFor(s => s.AppointingAuthorityEn).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
                side.RuleFor(s => s.NominatingBodyKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
                side.RuleFor(s => s.NominatingBodyEn).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            });
            RuleFor(x => x).Custom((command, context) =>
            {
                for (var i = 0; i < command.Sides.Count; i++)
                {
                    var code = command.Sides[i].Code?.Trim();
                    if (!string.IsNullOrEmpty(code) && command.Sides.Take(i).Any(s => string.Equals(s.Code?.Trim(), code, StringComparison.OrdinalIgnoreCase)))
                    {
                        context.AddFailure($"Sides[{i}].Code", text["Rule.Commission.SideExists", code.ToUpperInvariant()]);
                    }
                }
            });
        }
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var commission = new Commission(Guid.CreateVersion7(), Normalize(request.Code), LocalizedText.Of(request.NameKk, request.NameRu, request.NameEn), request.ProfileId!.Value, clock.GetUtcNow());
            foreach (var side in request.FilledSides)
            {
                commission.AddSide(Guid.CreateVersion7(), side.Code!.Trim(), LocalizedText.Of(side.NameKk, side.NameRu, side.NameEn), side.TimeZoneId!.Trim(),
                    LocalizedText.Of(side.AppointingAuthorityKk, side.AppointingAuthorityRu, side.AppointingAuthorityEn),
                    LocalizedText.Of(side.NominatingBodyKk, side.NominatingBodyRu, side.NominatingBodyEn));
            }

            db.Commissions.Add(commission);
            return Task.FromResult(commission.Id);
        }
    }

    public static string Normalize(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>An IANA zone id this server knows (e.g. Asia/Almaty, Europe/Moscow); Windows ids are refused.</summary>
    public static bool IsIanaZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        var trimmed = id.Trim();
        return TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) && zone.HasIanaId
            && (string.Equals(trimmed, "UTC", StringComparison.Ordinal) || TimeZoneInfo.TryConvertIanaIdToWindowsId(trimmed, out _));
    }
}
