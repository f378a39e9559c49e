using Lab.Data.Seed;
using Microsoft.Playwright;
using Tests.Infrastructure;
using Tests.Web;
using static Tests.Web.EnterpriseAccounts;

namespace Tests.Browser;

/// <summary>Enterprise accounts in Debian's Chromium: sign up, wait, approval, sign in; the team page; both languages.</summary>
[Collection(AppCollection.Name)]
public sealed class EnterpriseAccountsInTheBrowser(AppFixture fixture, BrowserFixture browser)
{
    private static async Task FillSignUpAsync(IPage page, Applicant a, string creditCode)
    {
        await page.FillAsync("#CompanyName", a.Company);
        await page.FillAsync("#CreditCode", creditCode);
        await page.FillAsync("#Address", "福建省泉州市晋江市磁灶镇陶瓷路 6 号");
        await page.FillAsync("#ContactName", a.ContactName);
        await page.FillAsync("#Phone", "0595-8500 4321");
        await page.FillAsync("#Email", a.Email);
        await page.FillAsync("#Password", a.Password);
        await page.FillAsync("#ConfirmPassword", a.Password);
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }

    [Fact]
    public async Task AVisitorSignsUpWaitsIsApprovedByReceptionAndSeesTheirRequests()
    {
        var a = NewApplicant("browser-zh");
        await using var visitorContext = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await visitorContext.NewPageAsync();

        // Sign up from the header link; a mistyped code keeps everything but the passwords.
        await page.GotoAsync("/");
        Assert.Equal("注册", (await page.InnerTextAsync("[data-testid=signup-link]")).Trim());
        Assert.Equal("注册企业账号", (await page.InnerTextAsync("[data-testid=cta-signup]")).Trim());
        await BrowserFixture.ScreenshotAsync(page, "home-visitor-zh");
        await page.ClickAsync("[data-testid=signup-link]");
        await page.WaitForURLAsync("**/signup");
        Assert.Equal("企业账号注册", (await page.InnerTextAsync("h1")).Trim());
        await BrowserFixture.ScreenshotAsync(page, "signup-form-zh");
        await FillSignUpAsync(page, a, WithWrongCheckCharacter(a.CreditCode));
        await page.ClickAsync("[data-testid=signup-submit]");
        Assert.Contains("校验位", await page.InnerTextAsync("[data-testid='error-CreditCode']"));
        Assert.Equal(a.Company, await page.InputValueAsync("#CompanyName"));
        Assert.Equal(a.Email, await page.InputValueAsync("#Email"));
        Assert.Equal("", await page.InputValueAsync("#Password"));
        await BrowserFixture.ScreenshotAsync(page, "signup-error-zh");

        await page.FillAsync("#CreditCode", a.CreditCode);
        await page.FillAsync("#Password", a.Password);
        await page.FillAsync("#ConfirmPassword", a.Password);
        await page.ClickAsync("[data-testid=signup-submit]");
        await page.WaitForURLAsync("**/signup/waiting");
        var waiting = await page.InnerTextAsync("[data-testid=signup-waiting]");
        Assert.Contains("等待实验室审核", waiting);
        Assert.Contains(a.Email, waiting);
        await BrowserFixture.ScreenshotAsync(page, "signup-waiting-zh");

        var received = await EmailAsync(fixture, a.Email, "注册申请已收到");
        Assert.Contains(a.Company, received.TextBody);

        // Not yet: the login page says why.
        await SignInAsync(page, a.Email, a.Password);
        Assert.Contains("正在等待实验室审核", await page.InnerTextAsync("[data-testid=login-error]"));
        Assert.Equal(0, await page.Locator("[data-testid=logout]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "login-pending-zh");

        // Reception sees it waiting (with a badge) and approves it.
        await using var receptionContext = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var desk = await receptionContext.NewPageAsync();
        await SignInAsync(desk, Reception, DemoData.Password);
        await desk.WaitForSelectorAsync("[data-testid=logout]");
        Assert.True(int.Parse(await desk.InnerTextAsync("[data-testid=pending-enterprises]"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await desk.ClickAsync("[data-nav=enterprises]");
        await desk.WaitForURLAsync("**/enterprises");
        Assert.Contains(a.Company, await desk.InnerTextAsync($"[data-testid=pending-table] tr[data-enterprise='{a.CreditCode}']"));
        await BrowserFixture.ScreenshotAsync(desk, "enterprises-pending-zh");
        await desk.ClickAsync($"tr[data-enterprise='{a.CreditCode}'] [data-testid=review-enterprise]");
        await desk.WaitForSelectorAsync("[data-testid=decision]");
        Assert.Equal(a.CreditCode, (await desk.InnerTextAsync("[data-testid=credit-code]")).Trim());
        await BrowserFixture.ScreenshotAsync(desk, "enterprise-details-zh");
        await desk.ClickAsync("[data-testid=approve]");
        await desk.WaitForURLAsync("**/enterprises");
        Assert.Contains($"已批准 {a.Company}", await desk.InnerTextAsync("[data-testid=flash-message]"));
        Assert.Equal(0, await desk.Locator($"[data-testid=pending-table] tr[data-enterprise='{a.CreditCode}']").CountAsync());

        var approved = await EmailAsync(fixture, a.Email, "企业账号已开通");
        Assert.Contains("您现在可以登录了", approved.TextBody);
        Assert.Equal("/Account/Login", LinkTo(approved, "/Account/Login"));

        // Now the applicant signs in and finds their requests.
        await SignInAsync(page, a.Email, a.Password);
        await page.WaitForSelectorAsync("[data-testid=logout]");
        Assert.Equal("我的委托", (await page.InnerTextAsync("[data-nav=requests]")).Trim());
        await page.ClickAsync("[data-nav=requests]");
        await page.WaitForURLAsync("**/requests");
        Assert.Equal("我的委托", (await page.InnerTextAsync("h1")).Trim());
        await BrowserFixture.ScreenshotAsync(page, "signup-approved-requests-zh");

        await page.ClickAsync("[data-testid=team-link]");
        await page.WaitForURLAsync("**/account/team");
        Assert.Contains(a.Company, await page.InnerTextAsync("[data-testid=team-enterprise]"));
        await BrowserFixture.ScreenshotAsync(page, "team-zh");

        // The new enterprise books its first request: two samples, three methods, a quote, submit.
        await page.ClickAsync("[data-nav=new-request]");
        await page.FillAsync("input[name='Samples[0].Name']", "自动折叠伞");
        await page.FillAsync("input[name='Samples[0].Quantity']", "2");
        await page.CheckAsync("[data-sample-index='0'] input[value=UMB-FRAME]");
        await page.CheckAsync("[data-sample-index='0'] input[value=UMB-OC]");
        await page.ClickAsync("[data-testid=add-sample]");
        await page.FillAsync("input[name='Samples[1].Name']", "伞面涂层布");
        await page.FillAsync("input[name='Samples[1].Quantity']", "5");
        await page.CheckAsync("[data-sample-index='1'] input[value=TEX-HYD]");
        await page.ClickAsync("[data-testid=get-quote]");
        await page.WaitForURLAsync("**/requests/draft/*");
        Assert.Equal(3, await page.Locator("[data-quote-line]").CountAsync());
        Assert.StartsWith("¥", (await page.InnerTextAsync("[data-testid=quote-total]")).Trim(), StringComparison.Ordinal);
        await page.ClickAsync("[data-testid=submit-request]");
        var number = (await page.InnerTextAsync("[data-testid=request-number]")).Trim();
        var confirmation = await EmailAsync(fixture, a.Email, number);
        Assert.Contains("已提交", confirmation.Subject);
        await page.ClickAsync("[data-nav=requests]");
        Assert.Equal(1, await page.Locator($"tr[data-request='{number}']").CountAsync());
        Assert.Contains("已提交", await page.InnerTextAsync($"tr[data-request='{number}']"));

        // Months later the invoices go unpaid: an administrator suspends the account with the reason.
        await using var adminContext = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var office = await adminContext.NewPageAsync();
        await SignInAsync(office, "admin@lablims.test", DemoData.Password);
        await office.WaitForSelectorAsync("[data-testid=logout]");
        await office.GotoAsync("/enterprises");
        await office.ClickAsync($"tr[data-enterprise='{a.CreditCode}'] a");
        await office.FillAsync("#Suspend_Reason", "检测费逾期未付");
        await BrowserFixture.ScreenshotAsync(office, "enterprise-suspend-zh");
        await office.ClickAsync("[data-testid=suspend]");
        await office.WaitForSelectorAsync("[data-testid=suspended-notice]");
        Assert.Contains("已暂停", await office.InnerTextAsync("[data-testid=flash-message]"));
        Assert.Equal("已暂停", (await office.InnerTextAsync("[data-testid=enterprise-status]")).Trim());

        // The client's next click lands on the sign-in page, which says why they cannot come back in.
        await page.ClickAsync("[data-nav=requests]");
        await page.WaitForURLAsync("**/Account/Login**");
        await SignInAsync(page, a.Email, a.Password);
        await page.Locator("main", new() { HasTextString = "检测费逾期未付" }).WaitForAsync();
        Assert.EndsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "login-suspended-zh");
    }

    [Fact]
    public async Task TheAccountPagesInEnglish()
    {
        var a = NewApplicant("browser-en") with { Company = "Jinjiang Test Footwear Co., Ltd. " + Guid.NewGuid().ToString("N")[..6], ContactName = "Grace Lin" };
        await using var visitorContext = await browser.NewContextAsync(fixture.App.ServerAddress, "en-US");
        var page = await visitorContext.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("Open an enterprise account", (await page.InnerTextAsync("[data-testid=cta-signup]")).Trim());
        await page.ClickAsync("[data-testid=cta-signup]");
        await page.WaitForURLAsync("**/signup");
        await FillSignUpAsync(page, a, a.CreditCode[..16]);
        await page.FillAsync("#ConfirmPassword", "Something#Else1");
        await page.ClickAsync("[data-testid=signup-submit]");
        Assert.Contains("has 18 characters", await page.InnerTextAsync("[data-testid='error-CreditCode']"));
        Assert.Contains("do not match", await page.InnerTextAsync("[data-testid='error-ConfirmPassword']"));
        await BrowserFixture.ScreenshotAsync(page, "signup-error-en");
        await page.FillAsync("#CreditCode", a.CreditCode);
        await page.FillAsync("#Password", a.Password);
        await page.FillAsync("#ConfirmPassword", a.Password);
        await page.ClickAsync("[data-testid=signup-submit]");
        await page.WaitForURLAsync("**/signup/waiting");
        Assert.Contains("waiting for the lab's approval", await page.InnerTextAsync("h1"));
        await BrowserFixture.ScreenshotAsync(page, "signup-waiting-en");
        await EmailAsync(fixture, a.Email, "Application received");

        // Reception, in English: a rejection needs a reason; then approve.
        await using var receptionContext = await browser.NewContextAsync(fixture.App.ServerAddress, "en-US");
        var desk = await receptionContext.NewPageAsync();
        await SignInAsync(desk, "admin@lablims.test", DemoData.Password);
        await desk.WaitForSelectorAsync("[data-testid=logout]");
        await desk.GotoAsync("/enterprises");
        await BrowserFixture.ScreenshotAsync(desk, "enterprises-pending-en");
        await desk.ClickAsync($"tr[data-enterprise='{a.CreditCode}'] [data-testid=review-enterprise]");
        await desk.ClickAsync("[data-testid=reject]");
        Assert.Contains("Reason is required", await desk.InnerTextAsync("[data-testid=error-Reason]"));
        await BrowserFixture.ScreenshotAsync(desk, "enterprise-details-en");
        await desk.ClickAsync("[data-testid=approve]");
        await desk.WaitForURLAsync("**/enterprises");
        Assert.Contains("is approved", await desk.InnerTextAsync("[data-testid=flash-message]"));
        await EmailAsync(fixture, a.Email, "Your enterprise account is approved");

        // The client's team page: add a contact, switch reports with the toggle, invite a colleague.
        await SignInAsync(page, a.Email, a.Password);
        await page.WaitForSelectorAsync("[data-testid=logout]");
        await page.ClickAsync("[data-testid=team-link]");
        await page.WaitForURLAsync("**/account/team");
        await page.ClickAsync($"tr[data-contact='{a.Email}'] [data-testid=recipient-toggle]");
        await page.WaitForSelectorAsync("[data-testid=flash-error]");
        Assert.Contains("At least one contact must receive the reports", await page.InnerTextAsync("[data-testid=flash-error]"));
        Assert.True(await page.IsCheckedAsync($"tr[data-contact='{a.Email}'] [data-testid=recipient-toggle]"));

        var quality = NewEmail("quality-en");
        await page.FillAsync("input[name='Contact.Name']", "Quality dept.");
        await page.FillAsync("input[name='Contact.Email']", quality);
        await page.ClickAsync("[data-testid=contact-submit]");
        await page.WaitForSelectorAsync($"tr[data-contact='{quality}']");
        await page.ClickAsync($"tr[data-contact='{a.Email}'] [data-testid=recipient-toggle]");
        await page.WaitForSelectorAsync("[data-testid=flash-message]");
        Assert.Contains("no longer receives", await page.InnerTextAsync("[data-testid=flash-message]"));
        Assert.False(await page.IsCheckedAsync($"tr[data-contact='{a.Email}'] [data-testid=recipient-toggle]"));
        Assert.True(await page.IsCheckedAsync($"tr[data-contact='{quality}'] [data-testid=recipient-toggle]"));

        var colleague = NewEmail("colleague-en");
        await page.FillAsync("input[name='Invite.Name']", "Ada Chen");
        await page.FillAsync("input[name='Invite.Email']", colleague);
        await page.SelectOptionAsync("select[name='Invite.Culture']", "en");
        await page.ClickAsync("[data-testid=invite-submit]");
        await page.WaitForSelectorAsync($"tr[data-member='{colleague}']");
        Assert.Contains("Invited, no password yet", await page.InnerTextAsync($"tr[data-member='{colleague}']"));
        await BrowserFixture.ScreenshotAsync(page, "team-en");

        // The colleague opens the link in a browser of their own.
        var invitation = await EmailAsync(fixture, colleague, "Your invitation");
        await using var colleagueContext = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var own = await colleagueContext.NewPageAsync();
        await own.GotoAsync(LinkTo(invitation, "/account/set-password"));
        Assert.Equal("en", await own.GetAttributeAsync("html", "lang")); // the invitation's language, not the browser's
        await own.FillAsync("input[name='Input.Password']", "weakpassword");
        await own.FillAsync("input[name='Input.ConfirmPassword']", "weakpassword");
        await own.ClickAsync("[data-testid=set-password-submit]");
        Assert.Contains("upper-case letter", await own.InnerTextAsync("[data-testid=error-Password]"));
        await BrowserFixture.ScreenshotAsync(own, "set-password-en");
        await own.FillAsync("input[name='Input.Password']", "Colleague#2026");
        await own.FillAsync("input[name='Input.ConfirmPassword']", "Colleague#2026");
        await own.ClickAsync("[data-testid=set-password-submit]");
        await own.WaitForURLAsync("**/requests");
        Assert.Equal("My requests", (await own.InnerTextAsync("h1")).Trim());
    }
}
