using Microsoft.Playwright;

namespace Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: <c>ExecutablePath</c> points at the system
/// one). The browser starts on first use and is shared; every test gets its own context (cookies, storage,
/// language), so tests cannot see each other's sessions.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Chromium as root in a container, and quiet: no update checks, sync, QUIC or first-run UI.</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>/usr/bin/chromium, or the CHROMIUM_PATH environment variable on a machine that has it elsewhere.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public Task InitializeAsync() => Task.CompletedTask; // launched on first use: web tests without a browser pay nothing

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _launch.Dispose();
    }

    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is not null) return _browser;
        await _launch.WaitAsync();
        try
        {
            if (_browser is not null) return _browser;
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>
    /// A fresh context (its own cookies) whose relative URLs go to <paramref name="baseUrl"/>. The locale decides
    /// navigator.language and the Accept-Language header: "zh-CN" or "en-US".
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl, string locale = "zh-CN")
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <summary>Opens a page in <paramref name="context"/> and signs in as a demo user through the login form, landing on <paramref name="returnUrl"/>.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, string email, string returnUrl)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", Lab.Data.Seed.DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**" + returnUrl);
        return page;
    }

    /// <summary>Does something that loads a new page and waits for that page (not the old one, still on screen).</summary>
    public static async Task NextPageAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.__previousPage = true; }");
        await action();
        await page.WaitForFunctionAsync("() => window.__previousPage !== true && document.readyState === 'complete'");
    }

    /// <summary>Saves a full-page screenshot to TestResults/screenshots/{name}.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(TestFolders.Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
