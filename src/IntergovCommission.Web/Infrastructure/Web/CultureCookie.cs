using IntergovCommission.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Localization;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>The interface-language cookie: set by the language switcher, and at sign-in from the user's preference.</summary>
public static class CultureCookie
{
    public static void Apply(HttpResponse response, string? culture)
    {
        var chosen = culture is not null && JsonStringLocalizer.Cultures.Contains(culture) ? culture : JsonStringLocalizer.Fallback;
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }

    /// <summary>
    /// At sign-in: a language chosen in this browser (the switcher sets the cookie) is kept;
    /// otherwise the user's preferred language applies.
    /// </summary>
    public static void ApplyAtSignIn(HttpContext context, string? preferred)
    {
        if (context.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
        {
            return;
        }

        Apply(context.Response, preferred);
    }
}
