using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Memberships;

/// <summary>The fields of an appointment that add and edit share (KZRU-02, KZRU-03).</summary>
public class MembershipFields
{
    public Guid? SideId { get; set; }
    public CommissionRole Role { get; set; } = CommissionRole.Member;
    public string? PositionRu { get; set; }
    public string? PositionKk { get; set; }
    public string? PositionEn { get; set; }
    public string? OrganisationRu { get; set; }
    public string? OrganisationKk { get; set; }
    public string? OrganisationEn { get; set; }
    public string? AppointingAuthorityRu { get; set; }
    public string? AppointingAuthorityKk { get; set; }
    public string? AppointingActNumber { get; set; }
    public DateOnly? AppointingActDate { get; set; }
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }

    public MembershipDetails ToDetails() => new(
        LocalizedText.Of(PositionKk, PositionRu, PositionEn),
        LocalizedText.Of(OrganisationKk, OrganisationRu, OrganisationEn),
        LocalizedText.Of(AppointingAuthorityKk, AppointingAuthorityRu),
        string.IsNullOrWhiteSpace(AppointingActNumber) ? null : AppointingActNumber.Trim(),
        AppointingActDate,
        TermStart ?? DateOnly.MinValue,
        TermEnd);
}

/// <summary>Field rules shared by add and edit; messages from resources, in the user's language.</summary>
public static class MembershipFieldRules
{
    public static void Apply<T>(AbstractValidator<T> validator, IStringLocalizer<SharedResource> text)
        where T : MembershipFields
    {
        validator.RuleFor(x => x.Role).IsInEnum().WithMessage(_ => text["Validation.Role"]);
        validator.RuleFor(x => x.PositionRu).NotEmpty().WithMessage(_ => text["Validation.PositionRequired"])
            .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.PositionKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.PositionEn).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.OrganisationRu).NotEmpty().WithMessage(_ => text["Validation.OrganisationRequired"])
            .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.OrganisationKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.OrganisationEn).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.AppointingAuthorityRu).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.AppointingAuthorityKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.AppointingActNumber).MaximumLength(64).WithMessage(_ => text["Validation.MaxLength", 64]);
        validator.RuleFor(x => x.TermStart).NotNull().WithMessage(_ => text["Validation.TermStartRequired"]);
        validator.RuleFor(x => x.TermEnd)
            .GreaterThanOrEqualTo(x => x.TermStart).When(x => x.TermStart is not null && x.TermEnd is not null)
            .WithMessage(_ => text["Validation.TermOrder"]);
        validator.RuleFor(x => x.AppointingActDate)
            .LessThanOrEqualTo(x => x.TermStart).When(x => x.TermStart is not null && x.AppointingActDate is not null)
            .WithMessage(_ => text["Validation.ActAfterTerm"]);
    }
}
