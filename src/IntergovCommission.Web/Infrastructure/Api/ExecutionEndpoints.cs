using IntergovCommission.Domain.Calendars;
using IntergovCommission.Web.Features.Calendars;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the calendar and execution endpoints.</summary>
public static class ExecutionApiBodies
{
    /// <param name="Source">The decree (number and date) or the publications the year is entered from.</param>
    /// <param name="Provisional">A date of the year is an estimate.</param>
    /// <param name="Version">The version read with GET (null to enter a new year).</param>
    public sealed record CalendarYearBody(string? Source, bool Provisional, uint? Version);

    /// <param name="Kind">Holiday, DayOff (moved; give MovedFrom), WorkingWeekend or Shortened (still a working day).</param>
    /// <param name="Version">The year's version read with GET.</param>
    public sealed record CalendarDayBody(CalendarDayKind Kind, DateOnly? MovedFrom, string? Note, uint Version);
}

/// <summary>
/// /api/v1 endpoints for the working-day calendars (WF-06): read a year, count N working days on a country's calendar, and (an
/// administrator) enter a year and its days; each edit answers with the deadlines it moved.
/// </summary>
public static class ExecutionEndpoints
{
    public static void MapExecutionApi(this RouteGroupBuilder api)
    {
        var calendars = api.MapGroup("/calendars").WithTags("Working-day calendars");
        calendars.MapGet("/{country}/{year:int}", (string country, int year, IMediator m, CancellationToken ct) => m.Send(new GetCalendarYear.Query(country, year), ct))
            .WithName("GetCalendarYear").WithSummary("A country's working-day calendar for a year: source, holidays, moved days off (with the date moved from), working weekend days, shortened days, the number of working days; entered=false when the year is not entered.");
        calendars.MapGet("/{country}/working-days", (string country, DateOnly from, int days, IMediator m, CancellationToken ct) => m.Send(new CountWorkingDays.Query(country, from, days), ct))
            .WithName("CountWorkingDays").WithSummary("The date N working days after `from` on the country's calendar (day 1 is the first working day after it), with the rule text and the years counted on weekends only because no calendar is entered.");
        calendars.MapPut("/{country}/{year:int}", (string country, int year, ExecutionApiBodies.CalendarYearBody body, IMediator m, CancellationToken ct) =>
                m.Send(new SaveCalendarYear.Command { Country = country, Year = year, Source = body.Source, Provisional = body.Provisional, Version = body.Version }, ct))
            .WithName("SaveCalendarYear").WithSummary("An administrator enters a year (version null) or corrects its source; answers with the deadlines that moved.");
        calendars.MapPut("/{country}/days/{date}", (string country, DateOnly date, ExecutionApiBodies.CalendarDayBody body, IMediator m, CancellationToken ct) =>
                m.Send(new SaveCalendarDay.Command { Country = country, Date = date, Kind = body.Kind, MovedFrom = body.MovedFrom, Note = body.Note, Version = body.Version }, ct))
            .WithName("SaveCalendarDay").WithSummary("An administrator records or corrects a day of an entered year; deadlines counted on the calendar are counted again and the moved ones returned.");
        calendars.MapDelete("/{country}/days/{date}", (string country, DateOnly date, uint version, IMediator m, CancellationToken ct) =>
                m.Send(new RemoveCalendarDay.Command { Country = country, Date = date, Version = version }, ct))
            .WithName("RemoveCalendarDay").WithSummary("An administrator removes a day from an entered year (send the year's version as ?version=); answers with the deadlines that moved.");
    }
}
