using Lab.Data.Seed;
using Microsoft.Playwright;
using Tests.Infrastructure;

namespace Tests.Browser;

/// <summary>The bilingual shell as a visitor and each role use it, in Debian's Chromium.</summary>
[Collection(AppCollection.Name)]
public sealed class ShellInTheBrowser(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task VisitorFiltersTheCatalogInChineseThenSwitchesToEnglishAndItIsRemembered()
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await page.ClickAsync("[data-testid=cta-catalog]");
        await page.WaitForURLAsync("**/catalog");
        Assert.Equal("检测项目目录", (await page.InnerTextAsync("h1")).Trim());
        var all = await page.Locator("tr[data-method-code]").CountAsync();
        Assert.True(all >= 40, $"The catalog lists {all} methods.");

        // Choosing a family in the select submits the filter.
        await page.SelectOptionAsync("select#family", "UMB");
        await page.WaitForURLAsync("**/catalog?family=UMB*");
        var codes = await page.Locator("tr[data-method-code]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.methodCode)");
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.StartsWith("UMB-", c, StringComparison.Ordinal));
        Assert.Contains("UMB-FRAME", codes);
        Assert.Contains("伞骨", await page.InnerTextAsync("tr[data-method-code='UMB-FRAME']"));
        Assert.Contains("GB/T 23147-2018", await page.InnerTextAsync("tr[data-method-code='UMB-FRAME']"));
        Assert.Contains("个工作日", await page.InnerTextAsync("tr[data-method-code='UMB-FRAME']"));
        await BrowserFixture.ScreenshotAsync(page, "catalog-umbrellas-zh");

        // One click to English; the filter stays.
        await page.ClickAsync("[data-lang=en]");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Equal("Test catalog", (await page.InnerTextAsync("h1")).Trim());
        Assert.Contains("family=UMB", page.Url, StringComparison.Ordinal);
        Assert.Contains("Umbrella frame", await page.InnerTextAsync("tr[data-method-code='UMB-FRAME']"));
        Assert.Contains("working days", await page.InnerTextAsync("tr[data-method-code='UMB-FRAME']"));
        await BrowserFixture.ScreenshotAsync(page, "catalog-umbrellas-en");

        // Remembered: a new visit in the same browser is English although the browser asks for Chinese.
        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Book product tests online", await page.InnerTextAsync("h1"));

        // And back to Chinese.
        await page.ClickAsync("[data-lang=zh-CN]");
        await page.WaitForSelectorAsync("html[lang=zh-CN]");
        Assert.Contains("在线委托检测", await page.InnerTextAsync("h1"));
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN", "检测项目")]
    [InlineData("en-US", "en", "Test catalog")]
    [InlineData("en-GB,en;q=0.9", "en", "Test catalog")]
    [InlineData("fr-FR", "zh-CN", "检测项目")]
    public async Task AFirstVisitFollowsTheBrowsersLanguage(string locale, string expectedLang, string catalogLink)
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, locale.Split(',')[0]);
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = locale });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        Assert.Equal(expectedLang, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(catalogLink, (await page.InnerTextAsync("[data-nav=catalog]")).Trim());
    }

    public static TheoryData<string, string, string[]> RoleNavigation => new()
    {
        { "Client", "client@minghui-umbrella.test", ["catalog", "requests", "new-request", "api-keys", "team"] },
        { "Reception", "reception@lablims.test", ["catalog", "reception", "retention", "scan", "requests", "enterprises"] },
        { "Technician", "technician@lablims.test", ["catalog", "scan", "requests", "worklist", "instruments"] },
        { "Reviewer", "reviewer@lablims.test", ["catalog", "requests", "review"] },
        { "Signatory", "signatory@lablims.test", ["catalog", "requests", "approval"] },
        { "Admin", "admin@lablims.test", ["catalog", "requests", "enterprises", "instruments", "admin", "jobs"] },
    };

    [Theory]
    [MemberData(nameof(RoleNavigation))]
    public async Task EachRoleSignsInAndSeesItsOwnNavigation(string role, string email, string[] expectedNav)
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal(["catalog"], await NavAsync(page));

        await page.ClickAsync("[data-testid=login-link]");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=logout]");

        Assert.Equal(email, (await page.InnerTextAsync("[data-testid=user-name]")).Trim());
        Assert.Equal(expectedNav, await NavAsync(page));
        await BrowserFixture.ScreenshotAsync(page, $"home-{role.ToLowerInvariant()}-zh");

        // Every link in the role's navigation opens a page (no 404, no access denied) in Chinese.
        foreach (var nav in expectedNav.Where(n => n != "jobs"))
        {
            var response = await page.Locator($"[data-nav={nav}]").First.EvaluateAsync<string>("a => a.href");
            var opened = await page.GotoAsync(response);
            Assert.Equal(200, opened!.Status);
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
            await BrowserFixture.ScreenshotAsync(page, $"{role.ToLowerInvariant()}-{nav}-zh");
        }

        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForSelectorAsync("[data-testid=login-link]");
        Assert.Equal(["catalog"], await NavAsync(page));
    }

    [Fact]
    public async Task AWrongPasswordGivesAClearMessageInTheUsersLanguage()
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.FillAsync("input[name=Email]", "signatory@lablims.test");
        await page.FillAsync("input[name=Password]", "not-the-password");
        await page.ClickAsync("[data-testid=login-submit]");

        Assert.Contains("邮箱或密码不正确", await page.InnerTextAsync("[data-testid=login-error]"));
        Assert.Equal("signatory@lablims.test", await page.InputValueAsync("input[name=Email]"));
        await BrowserFixture.ScreenshotAsync(page, "login-wrong-password-zh");

        await page.ClickAsync("[data-lang=en]");
        await page.WaitForSelectorAsync("html[lang=en]");
        await page.FillAsync("input[name=Email]", "signatory@lablims.test");
        await page.FillAsync("input[name=Password]", "still-wrong");
        await page.ClickAsync("[data-testid=login-submit]");
        Assert.Contains("The email or password is incorrect", await page.InnerTextAsync("[data-testid=login-error]"));

        // The right password still works afterwards (two failures do not lock the account).
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=logout]");
    }

    [Fact]
    public async Task AnUnknownPageIsAFriendly404InTheUsersLanguage()
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "en-US");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(1, await page.Locator("[data-nav=catalog]").CountAsync());
    }

    private static async Task<string[]> NavAsync(IPage page) =>
        await page.Locator("[data-nav]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.nav)");
}
