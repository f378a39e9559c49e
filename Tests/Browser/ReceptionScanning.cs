using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tests.Infrastructure;
using Web.Booking;

namespace Tests.Browser;

/// <summary>Reception receives a parcel at the scan station the way a wedge scanner does it: code + Enter, no mouse.</summary>
[Collection(AppCollection.Name)]
public sealed class ReceptionScanning(AppFixture fixture, BrowserFixture browser)
{
    /// <summary>An enterprise books a request through the app's own booking service: two samples, both expected.</summary>
    private async Task<(string Number, string First, string Second)> BookAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.Name == "福建海西鞋业有限公司");
        var input = new BookingInput
        {
            Samples =
            [
                new SampleInput { Name = "女式凉鞋", Model = "HX-S26", Quantity = 1, Description = "全新，鞋盒包装", Methods = ["FTW-HRD"] },
                new SampleInput { Name = "男式跑鞋", Model = "HX-R9", Quantity = 2, Description = "两双，鞋盒包装", Methods = ["FTW-FLX"] },
            ],
        };
        var request = await booking.SaveDraftAsync(null, input, enterprise, "client@haixi-shoes.test", await booking.ActiveMethodsAsync());
        await booking.SubmitAsync(request, enterprise);
        return (request.Number!, request.Samples[0].Barcode!, request.Samples[1].Barcode!);
    }

    private static async Task ScanAsync(IPage page, string code)
    {
        Assert.Equal("scan-box", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(code);
        // Enter submits the form: wait for the new page, not the one still showing the last result.
        await BrowserFixture.NextPageAsync(page, () => page.Keyboard.PressAsync("Enter"));
    }

    [Fact]
    public async Task ReceptionReceivesByScanRecordsADeviationAndTheEnterpriseIsTold()
    {
        var (number, first, second) = await BookAsync();
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?returnUrl=%2Fscan");
        await page.FillAsync("input[name=Email]", "reception@lablims.test");
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/scan");
        Assert.Contains("active", await page.GetAttributeAsync("[data-mode=Receive]", "class"));

        // A misread code (one digit wrong) is refused and never matches another sample.
        var misread = first[..^3] + (first[^3] == '9' ? '0' : (char)(first[^3] + 1)) + first[^2..];
        await ScanAsync(page, misread);
        Assert.Equal("error", await page.GetAttributeAsync("[data-testid=scan-result]", "data-scan-result"));
        Assert.Contains("校验位不符", await page.InnerTextAsync("[data-testid=scan-result]"));
        Assert.Equal(0, await page.Locator("[data-testid=scanned-sample]").CountAsync());

        // The first sample: its request and what was declared, then Enter confirms it intact.
        await ScanAsync(page, first.ToLowerInvariant());
        Assert.Contains(number, await page.InnerTextAsync("[data-testid=scanned-sample]"));
        Assert.Contains("全新，鞋盒包装", await page.InnerTextAsync("[data-testid=declared]"));
        Assert.Equal("confirm-receipt", await page.EvaluateAsync<string>("document.activeElement.dataset.testid"));
        await BrowserFixture.NextPageAsync(page, () => page.Keyboard.PressAsync("Enter"));
        await page.WaitForSelectorAsync("[data-scan-result=ok]");
        Assert.Contains($"{first} 收样完成", await page.InnerTextAsync("[data-testid=scan-result]"));
        Assert.Contains("收样", await page.InnerTextAsync("[data-testid=custody-timeline]"));
        Assert.Contains("收样室", await page.InnerTextAsync("[data-testid=where]"));

        // Scanning it again says when and by whom it was received.
        await ScanAsync(page, first);
        Assert.Contains("已于", await page.InnerTextAsync("[data-testid=scan-result]"));

        // The second: one pair instead of two, box damaged.
        await ScanAsync(page, second);
        await page.FillAsync("#receivedQuantity", "1");
        await page.CheckAsync("#condition-Damaged");
        await page.FillAsync("#note", "只收到一双，鞋盒压坏");
        await BrowserFixture.NextPageAsync(page, () => page.ClickAsync("[data-testid=confirm-receipt]"));
        await page.WaitForSelectorAsync("[data-scan-result=warning]");
        var message = await page.InnerTextAsync("[data-testid=scan-result]");
        Assert.Contains("存在偏离", message);
        Assert.Contains($"委托单 {number} 的样品已全部收到", message);
        await BrowserFixture.ScreenshotAsync(page, "scan-received-deviation-zh");

        // The enterprise is asked about the deviation, and told all samples are in.
        var deviation = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(second, StringComparison.Ordinal) == true);
        Assert.Contains("偏离", deviation.Subject);
        Assert.Contains("只收到一双，鞋盒压坏", deviation.TextBody);
        Assert.Contains("client@haixi-shoes.test", deviation.To.Mailboxes.Select(m => m.Address));
        var received = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains($"{number}：样品已全部收到", StringComparison.Ordinal) == true);
        Assert.Contains(first, received.TextBody);

        // Move it: scan a shelf, then the sample.
        await BrowserFixture.NextPageAsync(page, () => page.ClickAsync("[data-mode=Move]"));
        await ScanAsync(page, Numbers.LocationBarcode(2));
        Assert.Contains("待检样品架 A", await page.InnerTextAsync("[data-testid=current-location]"));
        await ScanAsync(page, first);
        Assert.Contains("已移至", await page.InnerTextAsync("[data-testid=scan-result]"));
        var timeline = await page.Locator("[data-testid=custody-timeline] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.custody)");
        Assert.Equal(["Received", "Moved"], timeline);
        Assert.Contains("reception@lablims.test", await page.InnerTextAsync("[data-testid=custody-timeline]"));
        await BrowserFixture.ScreenshotAsync(page, "scan-moved-zh");

        // Divide it into specimens on its page; a specimen scans and traces back to its sample.
        await page.GotoAsync($"/samples/{first}");
        await page.FillAsync("#count", "3");
        await page.FillAsync("#description", "鞋底切片");
        await BrowserFixture.NextPageAsync(page, () => page.ClickAsync("[data-testid=divide]"));
        var specimens = await page.Locator("[data-specimen]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.specimen)");
        Assert.Equal(3, specimens.Length);
        Assert.All(specimens, sp => Assert.Equal(first, Numbers.SampleOfSpecimen(sp)));
        Assert.Contains("制备试样", await page.InnerTextAsync("[data-testid=custody-timeline]"));
        await page.GotoAsync("/scan?mode=Lookup");
        await ScanAsync(page, specimens[1]);
        Assert.Contains($"样品 {first} 的第 2 号试样", await page.InnerTextAsync("[data-testid=scanned-sample]"));

        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var request = await db.TestRequests.Include(r => r.Samples).SingleAsync(r => r.Number == number);
        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.True(request.CustomerConsultationNeeded);
        Assert.Equal(SampleCondition.Damaged, request.Samples.Single(s => s.Barcode == second).ConditionOnReceipt);
        Assert.Equal(3, await db.CustodyEvents.CountAsync(e => e.Barcode == first));
    }

    [Fact]
    public async Task ReceptionBooksAWalkInRequestForAnEnterpriseAndReceivesItAtOnce()
    {
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?returnUrl=%2Freception");
        await page.FillAsync("input[name=Email]", "reception@lablims.test");
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/reception");

        await page.ClickAsync("[data-testid=walkin]");
        await page.ClickAsync("[data-testid=walkin-enterprises] a:has-text('晋江明辉伞业有限公司')");
        Assert.Contains("收样员代填", await page.InnerTextAsync("main"));
        await page.FillAsync("input[name='Samples[0].Name']", "长柄直骨伞（现场送样）");
        await page.CheckAsync("[data-sample-index='0'] input[value=UMB-FRAME]");
        await BrowserFixture.NextPageAsync(page, () => page.ClickAsync("[data-testid=get-quote]"));
        Assert.Equal(1, await page.Locator("[data-quote-line=UMB-FRAME]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=save-draft]").CountAsync());
        await BrowserFixture.NextPageAsync(page, () => page.ClickAsync("[data-testid=submit-request]"));
        await page.WaitForURLAsync("**/scan?mode=Receive");
        var flash = await page.InnerTextAsync("[data-testid=flash-message]");
        var number = System.Text.RegularExpressions.Regex.Match(flash, @"WT\d{4}-\d{5}").Value;
        Assert.NotEmpty(number);

        string barcode;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var request = await db.TestRequests.Include(r => r.Samples).SingleAsync(r => r.Number == number);
            Assert.Equal("reception@lablims.test", request.CreatedBy);
            barcode = request.Samples.Single().Barcode!;
        }
        await ScanAsync(page, barcode);
        await BrowserFixture.NextPageAsync(page, () => page.Keyboard.PressAsync("Enter"));
        Assert.Contains($"委托单 {number} 的样品已全部收到", await page.InnerTextAsync("[data-testid=scan-result]"));
    }

    [Fact]
    public async Task APhotoOfALabelIsDecodedOnTheServerAndFindsTheSample()
    {
        var (number, first, _) = await BookAsync();
        byte[] png;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var labels = scope.ServiceProvider.GetRequiredService<global::Web.Barcodes.RequestLabels>();
            var request = (await labels.FindAsync(number, null))!;
            png = labels.Png(labels.One(request, first)!);
        }
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?returnUrl=%2Fscan%3Fmode%3DLookup");
        await page.FillAsync("input[name=Email]", "technician@lablims.test");
        await page.FillAsync("input[name=Password]", DemoData.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/scan?mode=Lookup");

        await BrowserFixture.NextPageAsync(page, () => page.SetInputFilesAsync("#label-photo",
            new FilePayload { Name = "label.png", MimeType = "image/png", Buffer = png }));

        Assert.Equal(first, await page.GetAttributeAsync("[data-testid=scanned-sample]", "data-barcode"));
        Assert.Contains(number, await page.InnerTextAsync("[data-testid=scanned-sample]"));

        // A photo without any code says so.
        await BrowserFixture.NextPageAsync(page, () => page.SetInputFilesAsync("#label-photo",
            new FilePayload { Name = "blank.png", MimeType = "image/png", Buffer = Convert.FromBase64String(BlankPng) }));
        Assert.Contains("未能识别出条码", await page.InnerTextAsync("[data-testid=scan-result]"));
    }

    // A 1 × 1 white PNG.
    private const string BlankPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC";
}
