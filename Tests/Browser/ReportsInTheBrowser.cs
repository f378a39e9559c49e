using System.Security.Cryptography;
using Lab.Data.Seed;
using Tests.Infrastructure;
using Tests.Web;

namespace Tests.Browser;

/// <summary>The enterprise finds its reports on its request page and downloads the PDF.</summary>
[Collection(AppCollection.Name)]
public sealed class ReportsInTheBrowser(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task TheEnterpriseDownloadsItsReportFromTheRequestPage()
    {
        var original = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var amendment = await ReportTestData.AddReportAsync(fixture, original.RequestNumber);
        await ReportTestData.SupersedeAsync(fixture, original.Number, amendment.Number, "样品型号笔误");
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", "client@minghui-umbrella.test");
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=logout]");

        await page.GotoAsync($"/requests/{original.RequestNumber}");

        var first = page.Locator($"[data-report='{original.Number}']");
        var second = page.Locator($"[data-report='{amendment.Number}']");
        Assert.Contains("已被替代", await first.InnerTextAsync());
        Assert.Contains($"已被 {amendment.Number} 替代", await first.InnerTextAsync());
        Assert.Contains("有效", await second.InnerTextAsync());
        Assert.Contains($"替代报告 {original.Number}：样品型号笔误", await second.InnerTextAsync());
        await page.Locator("[data-testid=reports]").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "request-reports-zh");

        var download = await page.RunAndWaitForDownloadAsync(() => second.Locator("[data-testid=report-download]").ClickAsync());
        Assert.Equal($"{amendment.Number}.pdf", download.SuggestedFilename);
        var saved = Path.Combine(TestFolders.NewTemp("download"), download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.Equal(amendment.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(saved))));
        Assert.Contains(amendment.Sha256!, await second.InnerTextAsync());
    }
}
