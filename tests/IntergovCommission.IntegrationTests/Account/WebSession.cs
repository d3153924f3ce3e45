using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IntergovCommission.IntegrationTests.Account;

/// <summary>
/// A browser-like HTTP session against the test app: keeps cookies, does not follow redirects
/// (tests look at where they point), and posts forms with the antiforgery token of the page.
/// </summary>
internal sealed partial class WebSession : IDisposable
{
    private readonly HttpClient _client;

    public WebSession(TestApp app)
    {
        _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public async Task<Page> GetAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        return await Page.ReadAsync(response);
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<Page> PostAsync(string formPage, string action, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetAsync(formPage);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {formPage} answered {(int)page.Status} {page.Location}");
        return await PostWithTokenAsync(page, action, fields);
    }

    public async Task<Page> PostWithTokenAsync(Page tokenSource, string action, IReadOnlyDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = tokenSource.AntiforgeryToken() };
        using var content = new FormUrlEncodedContent(form);
        using var response = await _client.PostAsync(new Uri(action, UriKind.Relative), content);
        return await Page.ReadAsync(response);
    }

    public Task<Page> SignInAsync(string userName, string password) =>
        PostAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

    public async Task SignOutAsync()
    {
        var page = await PostAsync("/Account/Manage", "/Account/Logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Interface text as the app shows it in <paramref name="culture"/> (default: Russian, the working language).</summary>
    public static string Text(string key, string culture = "ru", params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var localizer = new JsonStringLocalizer();
            var value = arguments.Length == 0 ? localizer[key] : localizer[key, arguments];
            Assert.False(value.ResourceNotFound, $"No resource {key}");
            return value.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    internal sealed partial record Page(HttpStatusCode Status, string? Location, string Html, IReadOnlyList<string> SetCookies)
    {
        /// <summary>The page text with HTML entities decoded (Razor encodes Cyrillic and Kazakh letters).</summary>
        public string Text => WebUtility.HtmlDecode(Html);

        public static async Task<Page> ReadAsync(HttpResponseMessage response) => new(
            response.StatusCode,
            response.Headers.Location?.OriginalString,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : []);

        public string AntiforgeryToken()
        {
            var match = TokenPattern().Match(Html);
            Assert.True(match.Success, "The page has no form with an antiforgery token.");
            return WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        /// <summary>The decoded inner text of the first element carrying data-testid="<paramref name="testId"/>".</summary>
        public string TestId(string testId)
        {
            var match = Regex.Match(Html, $"<(\\w+)[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
            Assert.True(match.Success, $"The page has no element data-testid=\"{testId}\".");
            return WebUtility.HtmlDecode(TagPattern().Replace(match.Groups[2].Value, string.Empty)).Trim();
        }

        /// <summary>The value of attribute <paramref name="attribute"/> on the element carrying data-testid="<paramref name="testId"/>".</summary>
        public string Attribute(string testId, string attribute)
        {
            var element = Regex.Match(Html, $"<[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>");
            Assert.True(element.Success, $"The page has no element data-testid=\"{testId}\".");
            var value = Regex.Match(element.Value, $"\\s{Regex.Escape(attribute)}=\"([^\"]*)\"");
            Assert.True(value.Success, $"data-testid=\"{testId}\" has no {attribute}.");
            return WebUtility.HtmlDecode(value.Groups[1].Value);
        }

        [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex TokenPattern();

        [GeneratedRegex("<[^>]+>")]
        private static partial Regex TagPattern();
    }
}
