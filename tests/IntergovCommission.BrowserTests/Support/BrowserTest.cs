using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace IntergovCommission.BrowserTests.Support;

/// <summary>
/// A test as a person at a browser: a fresh browser context (no cookies) and one page on the
/// app of this test class. Script errors and content-security-policy violations seen during the
/// test fail it: they are things the user would suffer even when the assertions hold.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(ChromiumFixture chromium, AppFixture app) : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Password-2026";

    /// <summary>When set to a directory, tests save full-page PNG screenshots there for people to look at.</summary>
    public const string ScreenshotVariable = "INTERGOV_SCREENSHOTS";

    private readonly ConcurrentQueue<string> _pageProblems = new();
    private readonly List<IBrowserContext> _others = [];
    private IBrowserContext? _context;
    private IPage? _page;

    protected AppFixture App => app;

    /// <summary>The shared browser, for a test that needs a second person at a second browser.</summary>
    protected IBrowser Browser => chromium.Browser;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is not open.");

    /// <summary>A phone held upright (390 × 844 CSS pixels, touch), a fresh set of options each time.</summary>
    protected static BrowserNewContextOptions PhoneUpright() => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
    };

    /// <summary>Desktop by default; a test class overrides this for a phone.</summary>
    protected virtual BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    };

    public async Task InitializeAsync()
    {
        var options = ContextOptions;
        options.BaseURL = app.BaseUri.ToString();
        options.Locale = "ru-RU";
        _context = await chromium.Browser.NewContextAsync(options);
        _context.SetDefaultTimeout(20_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _pageProblems.Enqueue(message.Text);
            }
        };
        _page.PageError += (_, error) => _pageProblems.Enqueue("Script error: " + error);
    }

    public virtual async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        foreach (var other in _others)
        {
            await other.CloseAsync();
        }

        Assert.True(_pageProblems.IsEmpty, "The page reported problems: " + string.Join(" | ", _pageProblems));
    }

    /// <summary>
    /// Another person at another browser: a fresh context (desktop unless <paramref name="options"/>
    /// say otherwise), signed in through the form, on <paramref name="path"/>. Its script errors and
    /// CSP violations fail the test too; the context closes with the test.
    /// </summary>
    protected async Task<IPage> OpenAsAsync(string userName, string path, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };
        options.BaseURL = app.BaseUri.ToString();
        options.Locale = "ru-RU";
        var context = await chromium.Browser.NewContextAsync(options);
        _others.Add(context);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _pageProblems.Enqueue(userName + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => _pageProblems.Enqueue(userName + ": script error: " + error);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel(UiText.Ru("Login.UserName")).FillAsync(userName);
        await page.GetByLabel(UiText.Ru("Login.Password")).FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Login.Submit") }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Signs in through the login form, as a person would, and waits for the commissions page.</summary>
    protected async Task SignInAsync(string userName)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel(UiText.Ru("Login.UserName")).FillAsync(userName);
        await Page.GetByLabel(UiText.Ru("Login.Password")).FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Login.Submit") }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("current-user")).ToHaveTextAsync(userName);
    }

    /// <summary>The section of the roster for one side (KZ, RU).</summary>
    protected ILocator Side(string code) => Page.Locator($"section[data-side='{code}']");

    /// <summary>Saves a full-page screenshot when <see cref="ScreenshotVariable"/> names a directory.</summary>
    protected Task ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    /// <summary>The same for another page (another user's browser context).</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is not { Length: > 0 } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
