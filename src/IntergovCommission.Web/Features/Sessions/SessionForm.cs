using FluentValidation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>The fields of a session that create and edit share (KZRU-09): kind, format, place or link, start on a side's clock.</summary>
public class SessionFields
{
    public SessionKind Kind { get; set; } = SessionKind.Regular;
    public SessionFormat Format { get; set; } = SessionFormat.InPerson;
    public string? Place { get; set; }

    /// <summary>The place in Kazakh (the Kazakh column of the agenda, minutes and decisions); optional.</summary>
    public string? PlaceKk { get; set; }
    public string? ConferenceLink { get; set; }
    /// <summary>Wall-clock date and time of the start in <see cref="TimeZoneId"/>.</summary>
    public DateTime? StartLocal { get; set; }
    /// <summary>The IANA zone of one of the commission's sides (Asia/Almaty, Europe/Moscow).</summary>
    public string? TimeZoneId { get; set; }

    public SessionSetting ToSetting() =>
        new(Kind, Format, Place, ConferenceLink, SessionTime.ToInstant(StartLocal!.Value, TimeZoneId!), TimeZoneId!, PlaceKk);
}

public static class SessionTime
{
    /// <summary>A wall-clock time in a zone as an instant; a time skipped by a clock change moves to the first valid minute.</summary>
    public static DateTimeOffset ToInstant(DateTime local, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(1);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset instant, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime;

    public static bool IsKnownZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    /// <summary>The zones of the commission's sides, the only ones a session is set in.</summary>
    public static async Task RequireSideZoneAsync(CommissionDbContext db, Guid commissionId, string timeZoneId, CancellationToken ct)
    {
        if (!await db.Sides.AsNoTracking().AnyAsync(s => s.CommissionId == commissionId && s.TimeZoneId == timeZoneId, ct))
        {
            throw new InputValidationException(nameof(SessionFields.TimeZoneId), "Choose the time zone of one of the commission's sides.");
        }
    }
}

public static class SessionFieldRules
{
    /// <summary>A session is held between these years; anything else is a typing error (and 9999-12-31 23:00 in a western zone overflows).</summary>
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    public static bool IsSaneYear(DateTime start) => start.Year is >= EarliestYear and <= LatestYear;

    public static void Apply<T>(AbstractValidator<T> validator, IStringLocalizer<SharedResource> text, TimeProvider clock)
        where T : SessionFields
    {
        validator.RuleFor(x => x.Kind).IsInEnum().WithMessage(_ => text["Sessions.Validation.Kind"]);
        validator.RuleFor(x => x.Format).IsInEnum().WithMessage(_ => text["Sessions.Validation.Format"]);
        validator.RuleFor(x => x.TimeZoneId).Must(SessionTime.IsKnownZone).WithMessage(_ => text["Sessions.Validation.TimeZone"]);
        validator.RuleFor(x => x.StartLocal).NotNull().WithMessage(_ => text["Sessions.Validation.StartRequired"]);
        validator.RuleFor(x => x.StartLocal)
            .Must(start => IsSaneYear(start!.Value))
            .When(x => x.StartLocal is not null)
            .WithMessage(_ => text["Validation.DateRange", EarliestYear, LatestYear]);
        validator.RuleFor(x => x.StartLocal)
            .Must((x, start) => SessionTime.ToInstant(start!.Value, x.TimeZoneId!) > clock.GetUtcNow())
            .When(x => x.StartLocal is not null && IsSaneYear(x.StartLocal.Value) && SessionTime.IsKnownZone(x.TimeZoneId))
            .WithMessage(_ => text["Sessions.Validation.StartInPast"]);
        validator.RuleFor(x => x.Place).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.PlaceKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
        validator.RuleFor(x => x.Place).NotEmpty().When(x => x.Format is SessionFormat.InPerson or SessionFormat.Mixed)
            .WithMessage(_ => text["Sessions.Validation.PlaceRequired"]);
        validator.RuleFor(x => x.ConferenceLink).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
        validator.RuleFor(x => x.ConferenceLink).NotEmpty().When(x => x.Format is SessionFormat.Video or SessionFormat.Mixed)
            .WithMessage(_ => text["Sessions.Validation.LinkRequired"]);
        validator.RuleFor(x => x.ConferenceLink)
            .Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            .When(x => !string.IsNullOrWhiteSpace(x.ConferenceLink))
            .WithMessage(_ => text["Sessions.Validation.LinkHttps"]);
    }
}
