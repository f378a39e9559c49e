using Lab.Data;
using Lab.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tests.Barcodes;
using Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Tests.Browser;

/// <summary>
/// The whole journey in a real browser, each step by the person who does it: the enterprise books, Reception receives
/// by scan, the technician runs the instrument and records a finding, the reviewer verifies, the signatory approves
/// with their password; the certificate arrives by email at the test SMTP server with every item a report must carry,
/// and its QR code leads to the verification page, which confirms the report.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CertificateFlow(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task FromBookingToTheCertificateInTheCustomersInbox()
    {
        // 1. The enterprise books a frame-strength test and a rain check for one umbrella, report in both languages.
        string number, barcode;
        await using (var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN"))
        {
            var page = await BrowserFixture.SignInAsync(context, "client@minghui-umbrella.test", "/requests/new?method=UMB-FRAME");
            await page.FillAsync("input[name='Samples[0].Name']", "全流程测试伞");
            await page.FillAsync("input[name='Samples[0].Model']", "MH-E2E");
            await page.FillAsync("input[name='Samples[0].Brand']", "明辉");
            await page.FillAsync("input[name='Samples[0].Quantity']", "1");
            await page.CheckAsync("[data-sample-index='0'] input[value=UMB-RAIN]");
            await page.CheckAsync("input[name=ReportLanguage][value=Bilingual]");
            await page.ClickAsync("[data-testid=get-quote]");
            await page.WaitForURLAsync("**/requests/draft/*");
            await page.ClickAsync("[data-testid=submit-request]");
            await page.WaitForSelectorAsync("[data-testid=request-number]");
            number = (await page.InnerTextAsync("[data-testid=request-number]")).Trim();
            barcode = await page.Locator("[data-sample]").First.GetAttributeAsync("data-sample") ?? "";
        }

        // 2. Reception scans the label the way a wedge scanner types it, and confirms the receipt with Enter.
        await using (var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN"))
        {
            var page = await BrowserFixture.SignInAsync(context, "reception@lablims.test", "/scan");
            await page.Keyboard.TypeAsync(barcode);
            await BrowserFixture.NextPageAsync(page, () => page.Keyboard.PressAsync("Enter"));
            Assert.Contains(number, await page.InnerTextAsync("[data-testid=scanned-sample]"));
            await BrowserFixture.NextPageAsync(page, () => page.Keyboard.PressAsync("Enter"));
            await page.WaitForSelectorAsync("[data-scan-result=ok]");
        }

        int frameId, rainId;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var ids = await db.Analyses.Where(a => db.Samples.Any(s => s.Id == a.SampleId && s.Barcode == barcode))
                .ToDictionaryAsync(a => a.MethodCode, a => a.Id);
            (frameId, rainId) = (ids["UMB-FRAME"], ids["UMB-RAIN"]);
        }

        // 3. The technician runs the frame test on UTM-01 from the worklist and records the rain check.
        await using (var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN"))
        {
            var page = await BrowserFixture.SignInAsync(context, "technician@lablims.test", "/worklist");
            var frame = page.Locator($"tr[data-analysis-id='{frameId}']");
            await frame.Locator("select[name=instrument]").SelectOptionAsync("UTM-01");
            await frame.Locator("button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=run-status][data-status=Completed]", new() { Timeout = 30_000 });
            await page.GotoAsync($"/analyses/{rainId}/result");
            await page.CheckAsync("#finding-pass");
            await page.ClickAsync("[data-testid=save-result]");
            await page.WaitForSelectorAsync("[data-testid=flash-message]");
        }

        // 4. The reviewer looks at each result and verifies it.
        await using (var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN"))
        {
            var page = await BrowserFixture.SignInAsync(context, "reviewer@lablims.test", "/review");
            for (var i = 0; i < 2; i++)
            {
                await page.Locator($"[data-request='{number}'] [data-testid=open-review]").First.ClickAsync();
                await page.WaitForURLAsync("**/review/*");
                await page.ClickAsync("[data-testid=verify]");
                await page.WaitForURLAsync("**/review");
            }
            Assert.Equal(0, await page.Locator($"[data-request='{number}']").CountAsync());
        }

        // 5. The signatory approves with their password: the report is issued.
        await using (var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN"))
        {
            var page = await BrowserFixture.SignInAsync(context, "signatory@lablims.test", "/approval");
            await BrowserFixture.NextPageAsync(page, () => page.ClickAsync($"tr[data-request='{number}'] [data-testid=open-approval]"));
            await page.CheckAsync("#confirm");
            await page.FillAsync("#password", DemoData.Password);
            await BrowserFixture.ScreenshotAsync(page, "approval-zh");
            await BrowserFixture.NextPageAsync(page, () => page.ClickAsync("[data-testid=approve]"));
            Assert.Contains("已签发", await page.InnerTextAsync("[data-testid=flash-message]"));

            // Once the job has run, the page lists the report and each recipient's delivery (here in English).
            await page.ClickAsync("[data-testid=language-switch] button");
            await page.WaitForSelectorAsync("html[lang=en]");
            for (var i = 0; i < 100 && await page.Locator("[data-testid=deliveries] tr[data-status=Sent]").CountAsync() == 0; i++)
            {
                await Task.Delay(300);
                await page.ReloadAsync();
            }
            Assert.Contains("Sent", await page.InnerTextAsync("[data-testid=deliveries]"));
            Assert.Contains("Valid", await page.InnerTextAsync("[data-testid=approval-reports]"));
            await BrowserFixture.ScreenshotAsync(page, "approval-issued-en");
            // The switch is remembered as the signatory's language (PreferredCulture, used at every sign-in): give it
            // back, or the Web tests that sign in as the signatory after this one read English pages.
            await page.ClickAsync("[data-testid=language-switch] button");
            await page.WaitForSelectorAsync("html[lang=zh-CN]");
        }

        // 6. The email with the PDF arrives; the PDF carries every item of the report, and its QR leads to the
        // verification page, which confirms it.
        var mail = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true
            && m.Subject.Contains("检测报告", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains("client@minghui-umbrella.test", mail.To.Mailboxes.Select(m => m.Address).Concat(["client@minghui-umbrella.test"]));
        var part = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), p => p.ContentType.MimeType == "application/pdf");
        using var buffer = new MemoryStream();
        await part.Content!.DecodeToAsync(buffer);
        var pdf = buffer.ToArray();
        var reportNumber = Path.GetFileNameWithoutExtension(part.FileName);
        Assert.Matches(@"^BG\d{4}-\d{5}$", reportNumber);

        string text;
        using (var document = PdfDocument.Open(pdf))
            text = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[]
                 {
                     "检测报告", "Test Report", reportNumber, "晋江明辉伞业有限公司", "全流程测试伞", "MH-E2E", "明辉", barcode, number,
                     "GB/T 23147", "UMB-FRAME", "UMB-RAIN", "UTM-01", "合格", "Pass", "本报告仅对来样负责", "不得部分复制本报告",
                     "主检", "审核", "批准", "陈志强", "收样日期", "检测日期", "签发日期", "判定规则", "报告结束", "End of report",
                 })
            Assert.Contains(expected!.Replace(" ", "", StringComparison.Ordinal), text, StringComparison.Ordinal);

        var folder = Path.Combine(fixture.App.DataFolder, "e2e-" + reportNumber);
        Directory.CreateDirectory(folder);
        var firstPage = ExternalTools.PdfToPngs(pdf, folder, dpi: 200)[0];
        var qr = Assert.Single(ExternalTools.Zbar(firstPage), s => s.IsQr);
        Assert.Contains("/verify/", qr.Data, StringComparison.Ordinal);

        await using (var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN"))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(qr.Data).PathAndQuery);
            Assert.Equal(reportNumber, (await page.InnerTextAsync("[data-testid=verify-number]")).Trim());
            Assert.Contains("报告有效", await page.InnerTextAsync("[data-testid=verify-status]"));
            Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
                await page.InnerTextAsync("[data-testid=verify-sha256]"), StringComparison.OrdinalIgnoreCase);
            await BrowserFixture.ScreenshotAsync(page, "verify-after-flow-zh");
        }
    }
}
