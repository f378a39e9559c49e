using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Seed;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tests.Infrastructure;
using Web.Booking;

namespace Tests.Browser;

/// <summary>
/// The technician produces results (an instrument run from the worklist and a pass/fail finding typed in); the reviewer
/// opens the queue, looks at the curve, limit and verdict and verifies one, retracts the other with a reason, and the
/// retest is back on the worklist; a person with both roles cannot verify the result they produced.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReviewInTheBrowser(AppFixture fixture, BrowserFixture browser)
{
    private async Task<(string Number, string Barcode, int Frame, int Rain)> ReceivedUmbrellaAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.Name == "晋江明辉伞业有限公司");
        var request = await booking.SaveDraftAsync(null, new BookingInput
        {
            Samples = [new SampleInput { Name = "直骨晴雨伞", Quantity = 1, Methods = ["UMB-FRAME", "UMB-RAIN"] }],
        }, enterprise, "client@minghui-umbrella.test", await booking.ActiveMethodsAsync());
        await booking.SubmitAsync(request, enterprise);
        request.ReceiveSample(request.Samples[0], "reception@lablims.test", DateTime.UtcNow, 1, SampleCondition.Intact, null);
        await db.SaveChangesAsync();
        var analyses = request.Samples[0].Analyses;
        return (request.Number!, request.Samples[0].Barcode!, analyses.Single(a => a.MethodCode == "UMB-FRAME").Id, analyses.Single(a => a.MethodCode == "UMB-RAIN").Id);
    }

    private static async Task EnterFindingAsync(IPage page, int analysisId, bool meets)
    {
        await page.GotoAsync($"/analyses/{analysisId}/result");
        await page.CheckAsync(meets ? "#finding-pass" : "#finding-fail");
        await page.ClickAsync("[data-testid=save-result]");
        await page.WaitForSelectorAsync("[data-testid=flash-message]");
    }

    [Fact]
    public async Task TheReviewerVerifiesOneResultRetractsAnotherAndNobodyVerifiesTheirOwn()
    {
        var (number, barcode, frame, rain) = await ReceivedUmbrellaAsync();

        // The demo technician runs the frame test on an instrument and enters the rain finding.
        await using (var techContext = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN"))
        {
            var tech = await BrowserFixture.SignInAsync(techContext, "technician@lablims.test", "/worklist");
            var row = tech.Locator($"tr[data-analysis-id='{frame}']");
            await row.Locator("select[name=instrument]").SelectOptionAsync("UTM-01");
            await row.Locator("button[type=submit]").ClickAsync();
            await tech.WaitForSelectorAsync("[data-testid=run-status][data-status=Completed]", new() { Timeout = 30_000 });
            await EnterFindingAsync(tech, rain, meets: true);
        }

        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await BrowserFixture.SignInAsync(context, "reviewer@lablims.test", "/review");
        var group = page.Locator($"[data-request='{number}']");
        Assert.Contains("陈志强", await group.Locator($"tr[data-analysis-id='{frame}']").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "review-queue-zh");

        // The review page: the curve, the limit, the verdict, the instrument's calibration and the raw data's hash.
        await group.Locator($"tr[data-analysis-id='{frame}'] [data-testid=open-review]").ClickAsync();
        await page.WaitForURLAsync($"**/review/{frame}");
        Assert.True(await page.Locator("[data-testid=run-curve] polyline").CountAsync() >= 1);
        Assert.Contains("N", await page.InnerTextAsync("[data-testid=record-limit]"));
        Assert.Matches("合格|不合格", await page.InnerTextAsync("[data-testid=record-result]"));
        Assert.Contains("运行当日有效", await page.InnerTextAsync("[data-testid=record-calibration]"));
        Assert.Matches("^[0-9a-f]{64}$", (await page.InnerTextAsync("[data-testid=record-sha]")).Trim());
        Assert.Contains(barcode, await page.InnerTextAsync("[data-testid=record-sample]"));
        Assert.Contains("GB/T", await page.InnerTextAsync("[data-testid=record-standard]"));
        var zhShot = await BrowserFixture.ScreenshotAsync(page, "review-page-zh");
        Assert.True(new FileInfo(zhShot).Length > 10_000);

        // The same page in English.
        await page.ClickAsync("[data-testid=language-switch] button");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Contains("valid on the day of the run", await page.InnerTextAsync("[data-testid=record-calibration]"));
        Assert.Equal("Verify", (await page.InnerTextAsync("[data-testid=verify]")).Trim());
        await BrowserFixture.ScreenshotAsync(page, "review-page-en");
        await page.ClickAsync("[data-testid=language-switch] button");
        await page.WaitForSelectorAsync("html[lang=zh-CN]");

        await page.ClickAsync("[data-testid=verify]");
        await page.WaitForURLAsync("**/review");
        Assert.Contains("UMB-FRAME 已审核通过", await page.InnerTextAsync("[data-testid=flash-message]"));

        // The rain finding is retracted: the reason is required, then the retest is back on the worklist.
        await page.GotoAsync($"/review/{rain}");
        await page.ClickAsync("[data-testid=retract]");
        Assert.Equal($"/review/{rain}", new Uri(page.Url).AbsolutePath); // the browser itself asks for the reason first
        await page.FillAsync("#retract-reason", "淋雨时间不足 5 分钟，重新检测");
        await page.ClickAsync("[data-testid=retract]");
        await page.WaitForURLAsync("**/review");
        Assert.Contains("UMB-RAIN 已撤回", await page.InnerTextAsync("[data-testid=flash-message]"));

        int retest;
        using (var scope = fixture.App.Services.CreateScope())
            retest = await scope.ServiceProvider.GetRequiredService<LabDbContext>().Analyses.Where(a => a.RetestOfId == rain).Select(a => a.Id).SingleAsync();

        // The request page keeps the retracted result, marked with the reason, and draws the frame test's curve.
        await page.GotoAsync($"/requests/{number}");
        Assert.Contains("淋雨时间不足 5 分钟", await page.InnerTextAsync($"tr[data-analysis-id='{rain}']"));
        Assert.Contains("已撤回", await page.InnerTextAsync($"tr[data-analysis-id='{rain}']"));
        var curve = page.Locator("[data-testid=request-curve]");
        await curve.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=request-curve]'); return i && i.complete && i.naturalWidth > 0; }");
        await BrowserFixture.ScreenshotAsync(page, "request-after-review-zh");

        // A person who is technician and reviewer enters the retest's finding and cannot verify it.
        var both = await Tests.Web.ReviewDecisions.UserAsync(fixture, "tech-and-reviewer", Roles.Technician, Roles.Reviewer);
        await using var dualContext = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var dual = await BrowserFixture.SignInAsync(dualContext, both, "/worklist");
        Assert.Contains("UMB-RAIN", await dual.InnerTextAsync($"tr[data-analysis-id='{retest}']"));
        await EnterFindingAsync(dual, retest, meets: true);
        await dual.GotoAsync("/review");
        var mine = dual.Locator($"tr[data-analysis-id='{retest}']");
        Assert.Contains("该结果由您出具或最后修改，须由另一位审核人审核。", await mine.InnerTextAsync());
        Assert.True(await mine.Locator("[data-testid=quick-verify]").IsDisabledAsync());
        await mine.Locator("[data-testid=open-review]").ClickAsync();
        await dual.WaitForURLAsync($"**/review/{retest}");
        Assert.True(await dual.Locator("[data-testid=verify]").IsDisabledAsync());
        Assert.Contains("另一位审核人", await dual.InnerTextAsync("[data-testid=review-mine]"));
        await BrowserFixture.ScreenshotAsync(dual, "review-own-result-zh");

        // The demo reviewer verifies it; the request is complete and waits for the signatory.
        await page.GotoAsync($"/review/{retest}");
        await page.ClickAsync("[data-testid=verify]");
        await page.WaitForURLAsync("**/review");
        Assert.Contains($"{number} 的全部结果均已审核", await page.InnerTextAsync("[data-testid=flash-message]"));
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var verified = await db.Analyses.AsNoTracking().Where(a => a.Id == frame || a.Id == retest).ToListAsync();
            Assert.All(verified, a => Assert.Equal((AnalysisStatus.Verified, "reviewer@lablims.test"), (a.Status, a.VerifiedBy)));
            Assert.Equal(RequestStatus.Reviewing, (await db.TestRequests.SingleAsync(r => r.Number == number)).Status);
        }
    }
}
