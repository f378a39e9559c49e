using Lab.Data.Seed;
using Microsoft.Playwright;
using Tests.Infrastructure;
using Tests.Web;

namespace Tests.Browser;

/// <summary>Someone scans the QR on a report with a phone: the verification page, anonymous, small screen, both languages.</summary>
[Collection(AppCollection.Name)]
public sealed class VerificationOnAPhone(AppFixture fixture, BrowserFixture browser)
{
    private async Task<IBrowserContext> PhoneAsync(string locale)
    {
        var context = await (await browser.BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.ServerAddress,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    [Fact]
    public async Task AVisitorOnAPhoneSeesTheReportAndItsStatusInChineseThenEnglish()
    {
        var original = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var amendment = await ReportTestData.AddReportAsync(fixture, original.RequestNumber);
        await ReportTestData.SupersedeAsync(fixture, original.Number, amendment.Number, "样品型号笔误");
        await using var context = await PhoneAsync("zh-CN");
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/verify/{amendment.Code}");

        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(amendment.Number, (await page.InnerTextAsync("[data-testid=verify-number]")).Trim());
        Assert.Contains("报告有效", await page.InnerTextAsync("[data-testid=verify-status]"));
        Assert.Equal("合格", (await page.InnerTextAsync("[data-testid=verify-conclusion]")).Trim());
        // Nothing runs off the side of a phone: the hash wraps.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
        Assert.True(await page.IsVisibleAsync("[data-testid=verify-sha256]"));
        await BrowserFixture.ScreenshotAsync(page, "verify-phone-zh");

        // The menu is folded away on a phone; the page's own switch changes the language and it sticks.
        await page.ClickAsync("[data-testid=verify-language] [data-lang=en]");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Contains("Valid report", await page.InnerTextAsync("[data-testid=verify-status]"));
        Assert.Equal("Pass", (await page.InnerTextAsync("[data-testid=verify-conclusion]")).Trim());
        await BrowserFixture.ScreenshotAsync(page, "verify-phone-en");

        // The superseded original names its replacement.
        await page.GotoAsync($"/verify/{original.Code}");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains($"Superseded by {amendment.Number}", await page.InnerTextAsync("[data-testid=verify-status]"));
        await BrowserFixture.ScreenshotAsync(page, "verify-phone-superseded-en");

        // Checking the PDF the visitor was given: choose the file, the page says it matches.
        await page.SetInputFilesAsync("#verify-pdf", new FilePayload { Name = $"{original.Number}.pdf", MimeType = "application/pdf", Buffer = original.Pdf! });
        await page.ClickAsync("[data-testid=verify-check-button]");
        await page.WaitForSelectorAsync("[data-testid=verify-check]");
        Assert.Equal("Match", await page.GetAttributeAsync("[data-testid=verify-check]", "data-outcome"));
        await BrowserFixture.ScreenshotAsync(page, "verify-phone-check-en");
    }

    [Fact]
    public async Task AnUnknownCodeOnAPhoneIsAFriendlyPage()
    {
        await using var context = await PhoneAsync("zh-CN");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"/verify/{(global::Web.Reports.VerificationCodes.New())}");

        Assert.Equal(404, response!.Status);
        Assert.Contains("未找到与此验证码对应的检测报告", await page.InnerTextAsync("h1"));
        Assert.True(await page.IsVisibleAsync("[data-testid=verify-code-form] input"));
        await BrowserFixture.ScreenshotAsync(page, "verify-phone-unknown-zh");
    }
}
