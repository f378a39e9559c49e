using System.Net;
using System.Text.Json;
using Lab.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>Station PCs start runs and follow them through the API; the reasons a run cannot start are said.</summary>
[Collection(AppCollection.Name)]
public sealed class RunApi(AppFixture fixture)
{
    private static ByteArrayContent Json(object body) => ApiTestClient.Body(JsonSerializer.Serialize(body));

    [Fact]
    public async Task InstrumentsAreListedWithTheirMethodsCalibrationAndStatus()
    {
        using var station = ScannerTestData.Station(fixture);
        var list = await ApiTestClient.JsonAsync(await station.GetAsync("/api/v1/instruments"));
        var utm = list.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "UTM-01");
        Assert.Equal("UniversalTestingMachine", utm.GetProperty("type").GetString());
        Assert.Contains("UMB-FRAME", utm.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", utm.GetProperty("calibrationDue").GetString()!);
        Assert.Equal("InService", utm.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AStationStartsARunAndFollowsItToItsResult()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 1);
        using var station = ScannerTestData.Station(fixture);

        // Not received yet: refused with the reason.
        var early = await station.PostAsync("/api/v1/runs", Json(new { barcode = barcodes[0], method = "UMB-WIND", instrument = "WT-01" }));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ScannerTestData.ScanAsync(station, new { barcode = barcodes[0], station = "desk", action = "receive" })).StatusCode);
        var started = await station.PostAsync("/api/v1/runs", Json(new { barcode = barcodes[0], method = "UMB-WIND", instrument = "WT-01", temperature = 22.4, humidity = 58 }));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await ApiTestClient.JsonAsync(started)).GetProperty("runId").GetInt32();
        using (var scope = fixture.App.Services.CreateScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<Lab.Data.LabDbContext>().Runs.AsNoTracking().SingleAsync(r => r.Id == runId);
            Assert.Equal((22.4, 58.0), (run.Temperature, run.Humidity));
        }

        JsonElement state = default;
        for (var i = 0; i < 100; i++)
        {
            state = await ApiTestClient.JsonAsync(await station.GetAsync($"/api/v1/runs/{runId}"));
            if (state.GetProperty("status").GetString() is "Completed" or "Failed") break;
            await Task.Delay(200);
        }
        Assert.Equal("Completed", state.GetProperty("status").GetString());
        Assert.Equal("m/s", state.GetProperty("unit").GetString());
        Assert.Contains(state.GetProperty("verdict").GetString(), new[] { "Pass", "Fail" });
    }

    [Fact]
    public async Task RunsThatCannotStartSayWhy()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 1);
        using var station = ScannerTestData.Station(fixture);
        await ScannerTestData.ScanAsync(station, new { barcode = barcodes[0], station = "desk", action = "receive" });

        var wrongType = await station.PostAsync("/api/v1/runs", Json(new { barcode = barcodes[0], method = "UMB-WIND", instrument = "UTM-01" }));
        Assert.Equal((HttpStatusCode)422, wrongType.StatusCode);
        var typo = await station.PostAsync("/api/v1/runs", Json(new { barcode = ScannerTestData.WithWrongCheck(barcodes[0]), method = "UMB-WIND", instrument = "WT-01" }));
        Assert.Equal((HttpStatusCode)422, typo.StatusCode);
        var missing = await station.PostAsync("/api/v1/runs", Json(new { barcode = barcodes[0] }));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        // The room's conditions, when sent, are numbers within reason: refused naming the field, no run started.
        foreach (var (body, field) in new (object, string)[]
        {
            (new { barcode = barcodes[0], method = "UMB-WIND", instrument = "WT-01", temperature = "warm" }, "temperature"),
            (new { barcode = barcodes[0], method = "UMB-WIND", instrument = "WT-01", temperature = 99 }, "temperature"),
            (new { barcode = barcodes[0], method = "UMB-WIND", instrument = "WT-01", humidity = 120 }, "humidity"),
        })
        {
            using var refused = await station.PostAsync("/api/v1/runs", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await ApiTestClient.JsonAsync(refused)).GetProperty("errors").TryGetProperty(field, out _), field);
        }
        var garbage = await station.PostAsync("/api/v1/runs", ApiTestClient.Body("{not json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await station.GetAsync("/api/v1/runs/999999")).StatusCode);

        using var erp = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await erp.GetAsync("/api/v1/instruments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await erp.GetAsync("/api/v1/runs/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await erp.PostAsync("/api/v1/runs", Json(new { barcode = barcodes[0], method = "UMB-WIND", instrument = "WT-01" }))).StatusCode);
    }
}
