using Microsoft.Playwright;

namespace IntergovCommission.BrowserTests.Support;

/// <summary>
/// One headless Chromium for the whole test assembly (the machine's own browser: Playwright
/// cannot download one here). Each test opens its own context, so cookies never leak between tests.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Overrides the browser binary (default /usr/bin/chromium, Debian's package).</summary>
    public const string ExecutableVariable = "INTERGOV_CHROMIUM";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {executable}. Install it (Debian: apt-get install chromium; ./test.sh does this as root) or set {ExecutableVariable}.");
        }

        // The machine is shared and small: give expectations room, they still return as soon as they hold.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>All browser tests share one Chromium; xunit runs the classes of one collection one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
