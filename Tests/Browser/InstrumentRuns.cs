using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Instruments;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Booking;
using Web.Instruments;

namespace Tests.Browser;

/// <summary>A technician starts a run from the worklist; the job captures simulated instrument data and the result appears live.</summary>
[Collection(AppCollection.Name)]
public sealed class InstrumentRuns(AppFixture fixture, BrowserFixture browser)
{
    private async Task<(string Barcode, int Frame)> ReceivedUmbrellaAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.Name == "晋江明辉伞业有限公司");
        var request = await booking.SaveDraftAsync(null, new BookingInput
        {
            Samples = [new SampleInput { Name = "直骨伞", Quantity = 1, Methods = ["UMB-FRAME"] }],
        }, enterprise, "client@minghui-umbrella.test", await booking.ActiveMethodsAsync());
        await booking.SubmitAsync(request, enterprise);
        request.ReceiveSample(request.Samples[0], "reception@lablims.test", DateTime.UtcNow, 1, SampleCondition.Intact, null);
        await db.SaveChangesAsync();
        return (request.Samples[0].Barcode!, request.Samples[0].Analyses[0].Id);
    }

    [Fact]
    public async Task ARunStartedFromTheWorklistCapturesDataAndTheResultAppearsLive()
    {
        var (barcode, frame) = await ReceivedUmbrellaAsync();
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await BrowserFixture.SignInAsync(context, "technician@lablims.test", "/worklist");

        var row = page.Locator($"tr[data-analysis-id='{frame}']");
        Assert.Contains(barcode, await row.InnerTextAsync());
        // The expired instrument is offered but cannot be chosen.
        Assert.True(await row.Locator("option[value=UTM-03]").IsDisabledAsync());
        await row.Locator("select[name=instrument]").SelectOptionAsync("UTM-01");
        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/runs/*");
        await page.WaitForSelectorAsync("[data-testid=run-status][data-status=Completed]", new() { Timeout = 30_000 });
        var result = await page.InnerTextAsync("[data-testid=run-result]");
        Assert.Matches(@"\d+ N", result);
        Assert.Matches("^[0-9a-f]{64}$", (await page.InnerTextAsync("[data-testid=raw-sha]")).Trim());
        // The force–displacement curve is drawn from the raw data.
        Assert.True(await page.Locator("[data-testid=run-curve] polyline").CountAsync() >= 1);
        await BrowserFixture.ScreenshotAsync(page, "run-completed-zh");

        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var analysis = await db.Analyses.SingleAsync(a => a.Id == frame);
        Assert.Equal(AnalysisStatus.ToBeVerified, analysis.Status);
        Assert.Equal("technician@lablims.test", analysis.ProducedBy);
        var run = await db.Runs.SingleAsync(r => r.AnalysisId == frame);
        Assert.Equal((RunStatus.Completed, 1), (run.Status, run.Attempts));
        var raw = await File.ReadAllBytesAsync(Path.Combine(fixture.App.DataFolder, "files", run.RawDataPath!));
        Assert.Equal(run.RawDataSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw)));
        Assert.NotNull(analysis.Verdict);
    }

    [Fact]
    public async Task AnExpiredInstrumentIsRefusedAndAnAbortedRunFailsVisiblyAndCanBeRunAgain()
    {
        var (_, frame) = await ReceivedUmbrellaAsync();
        using (var scope = fixture.App.Services.CreateScope())
        {
            var runs = scope.ServiceProvider.GetRequiredService<RunService>();
            var refused = await Assert.ThrowsAsync<Lab.Domain.Common.DomainException>(() => runs.StartAsync(frame, "UTM-03", "technician@lablims.test"));
            Assert.True(refused.Code is "instrument-calibration-expired" or "instrument-out-of-service", refused.Code);
        }
        fixture.App.Services.GetRequiredService<SimulatedFaults>().Set("UTM-02", SimulatedFault.Aborted);
        try
        {
            await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
            var page = await BrowserFixture.SignInAsync(context, "technician@lablims.test", "/worklist");
            var row = page.Locator($"tr[data-analysis-id='{frame}']");
            await row.Locator("select[name=instrument]").SelectOptionAsync("UTM-02");
            await row.Locator("button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=run-status][data-status=Failed]", new() { Timeout = 30_000 });
            Assert.NotEmpty((await page.InnerTextAsync("[data-testid=run-error]")).Trim());
            await BrowserFixture.ScreenshotAsync(page, "run-failed-zh");

            // The analysis shows Failed with the reason and is run again on another instrument.
            await page.GotoAsync("/worklist");
            row = page.Locator($"tr[data-analysis-id='{frame}']");
            Assert.Contains("失败", await row.InnerTextAsync());
            await row.Locator("select[name=instrument]").SelectOptionAsync("UTM-01");
            await row.Locator("button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=run-status][data-status=Completed]", new() { Timeout = 30_000 });
        }
        finally
        {
            fixture.App.Services.GetRequiredService<SimulatedFaults>().Set("UTM-02", SimulatedFault.None);
        }
    }

    [Fact]
    public async Task AnUnreachableInstrumentIsRetriedThenTheRunFailsVisibly()
    {
        var (_, frame) = await ReceivedUmbrellaAsync();
        var faults = fixture.App.Services.GetRequiredService<SimulatedFaults>();
        faults.Set("UTM-02", SimulatedFault.Offline);
        try
        {
            int runId;
            using (var scope = fixture.App.Services.CreateScope())
                runId = (await scope.ServiceProvider.GetRequiredService<RunService>().StartAsync(frame, "UTM-02", "technician@lablims.test")).Id;

            Run run;
            var deadline = DateTime.UtcNow.AddSeconds(40);
            do
            {
                await Task.Delay(200);
                using var scope = fixture.App.Services.CreateScope();
                run = await scope.ServiceProvider.GetRequiredService<LabDbContext>().Runs.AsNoTracking().SingleAsync(r => r.Id == runId);
            }
            while (!run.IsFinished && DateTime.UtcNow < deadline);

            Assert.Equal(RunStatus.Failed, run.Status);
            Assert.Equal(3, run.Attempts); // the first try and the two configured retries
            Assert.NotNull(run.Error);
            Assert.Null(run.RawDataSha256);
            using var check = fixture.App.Services.CreateScope();
            var analysis = await check.ServiceProvider.GetRequiredService<LabDbContext>().Analyses.SingleAsync(a => a.Id == frame);
            Assert.Equal(AnalysisStatus.Failed, analysis.Status);
            Assert.Equal(run.Error, analysis.FailureReason);
        }
        finally
        {
            faults.Set("UTM-02", SimulatedFault.None);
        }
    }

    [Fact]
    public async Task FromTheWorklistTheRoomsReadingsGoWithTheRunAndAreOfferedAgainAtThatInstrument()
    {
        var (_, frame) = await ReceivedUmbrellaAsync();
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await BrowserFixture.SignInAsync(context, "technician@lablims.test", "/worklist");
        var row = page.Locator($"tr[data-analysis-id='{frame}']");
        await row.Locator("select[name=instrument]").SelectOptionAsync("UTM-02");

        // A misread thermometer (the browser's own range check off) is refused by the server, saying why; the row
        // comes back with the instrument chosen and the readings typed.
        await row.Locator("form").EvaluateAsync("f => f.noValidate = true");
        await row.Locator("[data-testid=run-temperature]").FillAsync("99");
        await row.Locator("[data-testid=run-humidity]").FillAsync("57");
        await BrowserFixture.NextPageAsync(page, () => row.Locator("button[type=submit]").ClickAsync());
        Assert.Contains("室温读数不合理", await page.InnerTextAsync("[data-testid=flash-error]"));
        row = page.Locator($"tr[data-analysis-id='{frame}']");
        Assert.Equal("UTM-02", await row.Locator("select[name=instrument]").InputValueAsync());
        Assert.Equal(("99", "57"), (await row.Locator("[data-testid=run-temperature]").InputValueAsync(),
            await row.Locator("[data-testid=run-humidity]").InputValueAsync()));

        await row.Locator("[data-testid=run-temperature]").FillAsync("23.5");
        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/runs/*");
        await page.WaitForSelectorAsync("[data-testid=run-status][data-status=Completed]", new() { Timeout = 30_000 });
        Assert.Equal("23.5 °C · 57 %RH", (await page.InnerTextAsync("[data-testid=run-conditions]")).Trim());

        // The next sample: choosing UTM-02 offers what was read there today.
        var (_, next) = await ReceivedUmbrellaAsync();
        await page.GotoAsync("/worklist");
        var nextRow = page.Locator($"tr[data-analysis-id='{next}']");
        await nextRow.Locator("select[name=instrument]").SelectOptionAsync("UTM-02");
        Assert.Equal(("23.5", "57"), (await nextRow.Locator("[data-testid=run-temperature]").InputValueAsync(),
            await nextRow.Locator("[data-testid=run-humidity]").InputValueAsync()));
        await BrowserFixture.ScreenshotAsync(page, "worklist-conditions-zh");

        // The same in English: the readings' labels are the user's language.
        await page.ClickAsync("[data-lang=en]");
        await page.WaitForSelectorAsync("html[lang=en]");
        nextRow = page.Locator($"tr[data-analysis-id='{next}']");
        Assert.Equal("Temperature", await nextRow.Locator("[data-testid=run-temperature]").GetAttributeAsync("aria-label"));
        Assert.Equal("Relative humidity", await nextRow.Locator("[data-testid=run-humidity]").GetAttributeAsync("aria-label"));
        await BrowserFixture.ScreenshotAsync(page, "worklist-conditions-en");
        // The choice is kept for the technician's account: back to Chinese, as the other tests expect.
        await page.ClickAsync("[data-lang=zh-CN]");
        await page.WaitForSelectorAsync("html[lang=zh-CN]");
    }

    [Fact]
    public async Task AtTheInstrumentTheTechnicianScansTheSampleAndConfirmsTheAnalysis()
    {
        var (barcode, _) = await ReceivedUmbrellaAsync();
        await using var context = await browser.NewContextAsync(fixture.App.ServerAddress, "zh-CN");
        var page = await BrowserFixture.SignInAsync(context, "technician@lablims.test", "/worklist");
        await page.GotoAsync("/instruments/UTM-01/station");

        Assert.Equal("scan-box", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(barcode);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=station-start]");
        Assert.Contains("UMB-FRAME", await page.InnerTextAsync("[data-testid=station-start]"));
        // A misread thermometer (the browser's own range check off, as an old station's might be) is refused by the
        // server, saying why, and what was typed is still there.
        await page.EvalOnSelectorAsync("[data-testid=station-start]", "f => f.noValidate = true");
        await page.FillAsync("#temperature", "99");
        await page.FillAsync("#humidity", "63");
        await BrowserFixture.NextPageAsync(page, () => page.ClickAsync("[data-testid=station-start] button"));
        Assert.Contains("室温读数不合理", await page.InnerTextAsync("[data-testid=flash-error]"));
        Assert.Equal(("99", "63"), (await page.InputValueAsync("#temperature"), await page.InputValueAsync("#humidity")));

        // The room's thermo-hygrometer, read and typed; printed with the run (and on the report).
        await page.FillAsync("#temperature", "20.5");
        await page.FillAsync("#humidity", "63");
        await page.ClickAsync("[data-testid=station-start] button");
        await page.WaitForSelectorAsync("[data-testid=run-status][data-status=Completed]", new() { Timeout = 30_000 });
        Assert.Equal("20.5 °C · 63 %RH", (await page.InnerTextAsync("[data-testid=run-conditions]")).Trim());

        // The next sample at this instrument today is offered the same reading.
        var (next, _) = await ReceivedUmbrellaAsync();
        await page.GotoAsync($"/instruments/UTM-01/station?barcode={next}");
        Assert.Equal("20.5", await page.InputValueAsync("#temperature"));
        Assert.Equal("63", await page.InputValueAsync("#humidity"));
        await BrowserFixture.ScreenshotAsync(page, "station-conditions-zh");

        // The same sample at an instrument that cannot run its methods says so.
        await page.GotoAsync($"/instruments/WT-01/station?barcode={barcode}");
        Assert.Contains("没有可由 WT-01 开展的待检项目", await page.InnerTextAsync("[data-testid=station-message]"));
    }
}
