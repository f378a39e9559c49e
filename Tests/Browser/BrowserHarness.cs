using Tests.Infrastructure;

namespace Tests.Browser;

/// <summary>Proves the browser harness itself: Debian's Chromium reaches the app on Kestrel in the context's language.</summary>
[Collection(AppCollection.Name)]
public sealed class BrowserHarness(AppFixture fixture, BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task ChromiumReachesTheAppInTheContextsLanguage(string locale)
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, locale);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/health");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var headers = await response.Request.AllHeadersAsync();
        Assert.StartsWith(locale, headers["accept-language"], StringComparison.Ordinal);
        Assert.Equal(locale, await page.EvaluateAsync<string>("navigator.language"));
        Assert.Contains("\"database\"", await page.ContentAsync(), StringComparison.Ordinal);
        var screenshot = await BrowserFixture.ScreenshotAsync(page, $"harness-health-{locale}");
        Assert.True(new FileInfo(screenshot).Length > 1000, "The screenshot is empty.");
    }
}
