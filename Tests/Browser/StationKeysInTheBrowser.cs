using System.Net;
using Lab.Data.Seed;
using Tests.Infrastructure;
using Tests.Web;

namespace Tests.Browser;

/// <summary>An Admin issues a key for a new scan station, the device uses it once shown, and the Admin revokes it.</summary>
[Collection(AppCollection.Name)]
public sealed class StationKeysInTheBrowser(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminCreatesAStationKeyThatWorksUntilRevoked()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?returnUrl=%2Fadmin");
        await page.FillAsync("input[name=Email]", "admin@lablims.test");
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/admin");

        await page.ClickAsync("[data-testid=station-keys-link]");
        await page.WaitForURLAsync("**/admin/api-keys");
        Assert.Equal("扫码站与仪器 API 密钥", (await page.InnerTextAsync("h1")).Trim());
        // The demo station is listed; enterprises' keys are not.
        Assert.Equal(1, await page.Locator("tr[data-api-key]", new() { HasText = DemoData.ReceptionStationKeyName }).CountAsync());
        Assert.Equal(0, await page.Locator("tr[data-api-key]", new() { HasText = DemoData.MinghuiApiKeyName }).CountAsync());

        var name = $"收样台 {Guid.NewGuid():N}"[..12];
        await page.SelectOptionAsync("[data-testid=station-key-kind]", "Station");
        await page.FillAsync("input[name=Name]", name);
        await page.ClickAsync("[data-testid=create-station-key-submit]");
        var secret = await page.InputValueAsync("[data-testid=new-station-key]");
        Assert.Matches("^llk_[0-9A-Za-z]{40}$", secret);
        await BrowserFixture.ScreenshotAsync(page, "admin-station-key-created-zh");

        using (var api = ApiTestClient.For(fixture, secret))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/samples/{barcodes[0]}")).StatusCode);
            using var scan = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "入口", action = "receive" });
            Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
            var custody = (await ApiTestClient.JsonAsync(scan)).GetProperty("custody")[0];
            Assert.Equal($"station:{name}", custody.GetProperty("by").GetString());
        }

        // Shown once: after a reload only the prefix is left, and the row says it was used.
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("[data-testid=new-station-key]").CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        var row = page.Locator("tr[data-api-key]", new() { HasText = name });
        Assert.Equal("Station", await row.GetAttributeAsync("data-api-key-kind"));
        Assert.Equal(secret[..12] + "…", (await row.Locator("[data-testid=station-key-prefix]").InnerTextAsync()).Trim());
        Assert.DoesNotContain("从未使用", await row.InnerTextAsync(), StringComparison.Ordinal);

        // The same name cannot be given to a second active key: custody would not tell the two apart.
        await page.FillAsync("input[name=Name]", name);
        await page.ClickAsync("[data-testid=create-station-key-submit]");
        await page.WaitForSelectorAsync("[data-testid=station-key-name-error]");
        Assert.Equal(0, await page.Locator("[data-testid=new-station-key]").CountAsync());

        // Revoke (confirming the dialog): the row says so and the key stops working.
        await page.GotoAsync("/admin/api-keys");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("tr[data-api-key]", new() { HasText = name }).Locator("[data-testid=revoke-station-key]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=flash-message]");
        Assert.Equal("revoked", await page.Locator("tr[data-api-key]", new() { HasText = name }).GetAttributeAsync("data-api-key-status"));
        await BrowserFixture.ScreenshotAsync(page, "admin-station-key-revoked-zh");

        using (var api = ApiTestClient.For(fixture, secret))
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync($"/api/v1/samples/{barcodes[0]}")).StatusCode);
    }
}
