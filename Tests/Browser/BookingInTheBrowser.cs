using System.Globalization;
using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tests.Infrastructure;

namespace Tests.Browser;

/// <summary>An enterprise books tests alone, in the browser: choose, fix mistakes, get a quote, save, resume, submit, cancel.</summary>
[Collection(AppCollection.Name)]
public sealed class BookingInTheBrowser(AppFixture fixture, BrowserFixture browser)
{
    private const string Client = "client@minghui-umbrella.test";

    private async Task<IPage> SignedInPageAsync(IBrowserContext context, string email = Client)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=logout]");
        return page;
    }

    private async Task<Dictionary<string, decimal>> PricesAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        return await db.TestMethods.ToDictionaryAsync(m => m.Code, m => m.PriceCny);
    }

    private static decimal Money(string text) => decimal.Parse(text.Trim().TrimStart('¥').Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnEnterpriseBooksFromTheCatalogFixesMistakesSeesTheQuoteResumesItsDraftAndSubmits()
    {
        var prices = await PricesAsync();
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await SignedInPageAsync(context);

        // From the catalog: "委托" on umbrella frame strength opens a request with that test chosen.
        await page.GotoAsync("/catalog?family=UMB");
        await page.ClickAsync("[data-book=UMB-FRAME]");
        await page.WaitForURLAsync("**/requests/new?method=UMB-FRAME");
        Assert.True(await page.IsCheckedAsync("input[name='Samples[0].Methods'][value=UMB-FRAME]"));

        // Asking for a quote without a sample name says what is missing, in Chinese.
        await page.ClickAsync("[data-testid=get-quote]");
        Assert.Contains("第 1 件样品：请填写样品名称", await page.InnerTextAsync("[data-testid=booking-errors]"));
        Assert.True(await page.IsCheckedAsync("input[name='Samples[0].Methods'][value=UMB-FRAME]"), "The chosen test was lost.");

        await page.FillAsync("input[name='Samples[0].Name']", "三折自动晴雨伞");
        await page.FillAsync("input[name='Samples[0].Model']", "MH-3F-88");
        await page.FillAsync("input[name='Samples[0].Brand']", "明辉");
        await page.FillAsync("input[name='Samples[0].Quantity']", "2");
        // Search the method list for 抗风 (wind) and tick it.
        await page.FillAsync("[data-sample-index='0'] .method-search", "抗风");
        Assert.True(await page.IsVisibleAsync("[data-sample-index='0'] input[value=UMB-WIND]"));
        Assert.False(await page.IsVisibleAsync("[data-sample-index='0'] input[value=TEX-HYD]"));
        await page.CheckAsync("[data-sample-index='0'] input[value=UMB-WIND]");
        Assert.Equal("2", await page.InnerTextAsync("[data-testid=method-count-0]"));

        // A second sample: canopy fabric for hydrostatic head, declared with too few specimens.
        await page.ClickAsync("[data-testid=add-sample]");
        await page.FillAsync("input[name='Samples[1].Name']", "伞面面料 190T");
        await page.FillAsync("input[name='Samples[1].Quantity']", "2");
        await page.SelectOptionAsync("[data-sample-index='1'] .method-family", "TEX");
        await page.CheckAsync("[data-sample-index='1'] input[value=TEX-HYD]");
        await page.CheckAsync("#urgency-Urgent");
        // A trader books for the factory that made the umbrellas: its address typed, its name forgotten.
        await page.FillAsync("#producer-address", "福建省晋江市池店镇");
        await page.ClickAsync("[data-testid=get-quote]");
        var errors = await page.InnerTextAsync("[data-testid=booking-errors]");
        Assert.Contains("TEX-HYD 需要样品\"伞面面料 190T\" 5 件，您只填写了 2 件", errors);
        Assert.Contains("填写生产单位地址时请同时填写生产单位名称", await page.InnerTextAsync("#producer-name ~ .invalid-feedback"));
        Assert.Equal("福建省晋江市池店镇", await page.InputValueAsync("#producer-address"));
        await page.FillAsync("#producer-name", "晋江恒达制伞厂");
        // Nothing typed was lost.
        Assert.Equal("三折自动晴雨伞", await page.InputValueAsync("input[name='Samples[0].Name']"));
        Assert.Equal("MH-3F-88", await page.InputValueAsync("input[name='Samples[0].Model']"));
        Assert.True(await page.IsCheckedAsync("input[name='Samples[1].Methods'][value=TEX-HYD]"));
        Assert.True(await page.IsCheckedAsync("#urgency-Urgent"));
        await BrowserFixture.ScreenshotAsync(page, "booking-errors-zh");

        await page.FillAsync("input[name='Samples[1].Quantity']", "5");
        await page.ClickAsync("[data-testid=get-quote]");
        await page.WaitForURLAsync("**/requests/draft/*");

        // The quote: one line per sample and test, the urgent surcharge, the total and the promised date.
        var subtotal = prices["UMB-FRAME"] + prices["UMB-WIND"] + prices["TEX-HYD"];
        Assert.Equal(3, await page.Locator("[data-quote-line]").CountAsync());
        Assert.Equal(subtotal * 0.5m, Money(await page.InnerTextAsync("[data-testid=quote-surcharge]")));
        Assert.Equal(subtotal * 1.5m, Money(await page.InnerTextAsync("[data-testid=quote-total]")));
        var due = DateOnly.ParseExact((await page.InnerTextAsync("[data-testid=quote-due]")).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(due > DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.DoesNotContain(due.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        await BrowserFixture.ScreenshotAsync(page, "booking-quote-zh");

        // Save the draft, leave, and come back to it from My requests.
        await page.ClickAsync("[data-testid=save-draft]");
        var draftUrl = page.Url;
        await page.GotoAsync("/requests");
        await page.ClickAsync($"a[href='{new Uri(draftUrl).AbsolutePath}']");
        Assert.Equal("三折自动晴雨伞", await page.InputValueAsync("input[name='Samples[0].Name']"));
        Assert.Equal("5", await page.InputValueAsync("input[name='Samples[1].Quantity']"));

        // Submit: a number, a barcode per sample, and the confirmation email.
        await page.ClickAsync("[data-testid=submit-request]");
        await page.WaitForSelectorAsync("[data-testid=request-number]");
        var number = (await page.InnerTextAsync("[data-testid=request-number]")).Trim();
        Assert.Matches(@"^WT\d{4}-\d{5}$", number);
        Assert.Contains(number, await page.InnerTextAsync("[data-testid=flash-message]"));
        var barcodes = await page.Locator("[data-sample]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.sample)");
        Assert.Equal(2, barcodes.Length);
        Assert.All(barcodes, b => Assert.True(Numbers.IsValidSampleBarcode(b), b));
        Assert.Equal("晋江恒达制伞厂\n福建省晋江市池店镇", (await page.InnerTextAsync("[data-testid=producer]")).Trim());
        await BrowserFixture.ScreenshotAsync(page, "booking-submitted-zh");

        // One message to each of the enterprise's report recipients.
        var mail = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true
            && m.To.Mailboxes.Any(a => a.Address == Client));
        await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true
            && m.To.Mailboxes.Any(a => a.Address == "quality@minghui-umbrella.test"));
        Assert.Contains("已提交", mail.Subject);
        Assert.All(barcodes, b => Assert.Contains(b, mail.TextBody));
        Assert.Contains("贴在对应样品上", mail.TextBody);
        var labels = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), p => p.ContentType.MimeType == "application/pdf");
        Assert.Equal($"{number}-labels.pdf", labels.FileName);
        Assert.Contains($"/requests/{number}", mail.HtmlBody);

        // Cancel before anything is received.
        await page.ClickAsync("[data-testid=cancel-box] summary");
        await page.FillAsync("#cancel-reason", "样品改期送检");
        await page.ClickAsync("[data-testid=cancel-request]");
        await page.WaitForSelectorAsync("[data-status=Cancelled]");
        Assert.Contains("样品改期送检", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task AnEnglishRequestGetsItsConfirmationInEnglish()
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "en-US");
        var page = await SignedInPageAsync(context, "client@haixi-shoes.test");

        await page.ClickAsync("[data-nav=new-request]");
        Assert.Equal("New request", (await page.InnerTextAsync("h1")).Trim());
        await page.FillAsync("input[name='Samples[0].Name']", "Running shoe");
        await page.CheckAsync("[data-sample-index='0'] input[value=FTW-FLX]");
        await page.CheckAsync("[data-sample-index='0'] input[value=FTW-HRD]");
        await page.CheckAsync("#lang-En");
        await page.ClickAsync("[data-testid=get-quote]");
        await page.WaitForURLAsync("**/requests/draft/*");
        await BrowserFixture.ScreenshotAsync(page, "booking-quote-en");
        await page.ClickAsync("[data-testid=submit-request]");
        var number = (await page.InnerTextAsync("[data-testid=request-number]")).Trim();

        var mail = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
        Assert.Contains("next steps", mail.Subject);
        Assert.Contains("Print the barcode labels", mail.TextBody);
        Assert.DoesNotContain("委托", mail.Subject);

        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var request = await db.TestRequests.Include(r => r.Samples).ThenInclude(s => s.Analyses).SingleAsync(r => r.Number == number);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal(ReportLanguage.En, request.ReportLanguage);
        Assert.Equal(["FTW-FLX", "FTW-HRD"], request.Samples.Single().Analyses.Select(a => a.MethodCode).Order());
    }
}
