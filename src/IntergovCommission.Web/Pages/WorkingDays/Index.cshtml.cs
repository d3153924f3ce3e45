using System.Globalization;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.WorkingDays;

/// <summary>
/// /WorkingDays?country=KZ&amp;year=2026: a country's working-day calendar for a year (WF-06) and a working-day count for anyone
/// signed in; an administrator enters the year's source and adds, corrects or removes days, and sees which deadlines moved.
/// </summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public string Country { get; set; } = "KZ";

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? CountFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CountDays { get; set; }

    [BindProperty]
    public SaveCalendarDay.Command Data { get; set; } = new();

    [BindProperty]
    public SaveCalendarYear.Command YearData { get; set; } = new();

    public GetCalendarYear.Result? Calendar { get; private set; }

    public CountWorkingDays.Result? Count { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (CountFrom is DateOnly from && CountDays is int days)
        {
            Count = await mediator.Send(new CountWorkingDays.Query(Country, from, days), ct);
        }
    }

    public async Task<IActionResult> OnPostYearAsync(CancellationToken ct)
    {
        YearData.Country = Country;
        YearData.Year = Year ?? 0;
        Data.Country = Country;
        return Done(await mediator.Send(YearData, ct));
    }

    public async Task<IActionResult> OnPostDayAsync(CancellationToken ct)
    {
        Data.Country = Country;
        return Done(await mediator.Send(Data, ct));
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, uint version, CancellationToken ct) =>
        Done(await mediator.Send(new RemoveCalendarDay.Command { Country = Country, Date = date, Version = version }, ct));

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        // What the page shows is always a readable year: a country or year that cannot be read falls back (and the refusal,
        // if the request was a command, is already in ModelState).
        Country = (Country ?? "KZ").Trim().ToUpperInvariant();
        if (!Domain.Calendars.WorkingDayCalendar.IsCountryCode(Country))
        {
            Country = "KZ";
        }

        if (Year is not (>= 1900 and <= 2100))
        {
            Year = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).Year;
        }

        Calendar = await mediator.Send(new GetCalendarYear.Query(Country, Year.Value), cancellationToken);
        if (YearData.Version is null && Calendar.Entered && string.IsNullOrEmpty(YearData.Source))
        {
            YearData.Source = Calendar.Source;
            YearData.Provisional = Calendar.Provisional;
        }
    }

    private RedirectResult Done(CalendarChange change)
    {
        var items = change.MovedDeadlines.Select(m =>
                text["Calendars.MovedItem", m.Number, m.From.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), m.To.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)].Value)
            .Concat(change.MovedCirculationTerms.Select(m =>
                text["Calendars.MovedCirculation", m.Number, m.From.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), m.To.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)].Value))
            .ToList();
        var moved = items.Count == 0 ? text["Calendars.NothingMoved"].Value : text["Calendars.Moved", string.Join("; ", items)].Value;
        TempData["Notice"] = text["Calendars.Saved"].Value + " " + moved;
        return Redirect($"/WorkingDays?country={Uri.EscapeDataString(Country)}&year={Year}");
    }
}
