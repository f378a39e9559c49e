using System.Net;
using Lab.Data.Seed;
using Tests.Infrastructure;

namespace Tests.Browser;

/// <summary>An enterprise's client user creates an API key in the portal, copies it once, and revokes it.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiKeysInTheBrowser(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task AClientCreatesAKeyUsesItOnceShownAndRevokesIt()
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", "client@minghui-umbrella.test");
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=logout]");

        // The link comes after the client's requests links.
        Assert.Equal(["catalog", "requests", "new-request", "api-keys", "team"],
            await page.Locator("[data-nav]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.nav)"));
        await page.ClickAsync("[data-nav=api-keys]");
        await page.WaitForURLAsync("**/account/api-keys");
        Assert.Equal("ERP 对接 API 密钥", (await page.InnerTextAsync("h1")).Trim());

        var name = $"浏览器 ERP {Guid.NewGuid():N}"[..16];
        await page.FillAsync("input[name=Name]", name);
        await page.ClickAsync("[data-testid=create-api-key-submit]");
        var secret = await page.InputValueAsync("[data-testid=new-api-key]");
        Assert.Matches("^llk_[0-9A-Za-z]{40}$", secret);
        await BrowserFixture.ScreenshotAsync(page, "client-api-key-created-zh");

        using (var api = Api(secret))
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/methods")).StatusCode);

        // Shown once: after a reload only the prefix is left.
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("[data-testid=new-api-key]").CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        var row = page.Locator("tr[data-api-key]", new() { HasText = name });
        Assert.Equal(secret[..12] + "…", (await row.Locator("[data-testid=api-key-prefix]").InnerTextAsync()).Trim());

        // Revoke (confirming the dialog): the row says so and the key stops working.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.Locator("[data-testid=revoke-api-key]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=flash-message]");
        Assert.Equal("revoked", await page.Locator("tr[data-api-key]", new() { HasText = name }).GetAttributeAsync("data-api-key-status"));
        await BrowserFixture.ScreenshotAsync(page, "client-api-key-revoked-zh");

        using (var api = Api(secret))
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/methods")).StatusCode);
    }

    private HttpClient Api(string key)
    {
        var client = fixture.App.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
