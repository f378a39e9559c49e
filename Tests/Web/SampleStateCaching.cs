using System.Net;
using System.Text.Json;
using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Data.Seed;
using Lab.Domain.Numbering;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tests.Infrastructure;
using Web.Api;
using Web.Samples;

namespace Tests.Web;

/// <summary>
/// GET /api/v1/samples/{barcode} answers from memory (<see cref="SampleStateCache"/>, on in the test app as in any
/// SQLite deployment) and is never stale: whatever changed the sample, through the app or past it on another
/// connection to the same file, the next look-up shows it; an enterprise still sees its own samples only; and the
/// bytes are the ones the database read gives.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SampleStateCaching(AppFixture fixture)
{
    [Fact]
    public async Task TheTestAppCachesLikeAnySqliteDeployment()
    {
        var cache = fixture.App.Services.GetRequiredService<SampleStateCache>();
        Assert.True(cache.Enabled);
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var api = ScannerTestData.Station(fixture);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/samples/{barcodes[0]}")).StatusCode);
        Assert.True(cache.Count > 0);
    }

    [Fact]
    public async Task AScanIsSeenByTheNextLookUp()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 1, 1);
        var barcode = barcodes[0];
        using var api = ScannerTestData.Station(fixture);
        Assert.Equal("Expected", (await StateAsync(api, barcode)).GetProperty("status").GetString());
        Assert.Equal("Expected", (await StateAsync(api, barcode)).GetProperty("status").GetString()); // now from memory

        // Through the scanner API.
        Assert.Equal(HttpStatusCode.OK, (await ScannerTestData.ScanAsync(api, new { barcode, station = "desk", action = "receive" })).StatusCode);
        var received = await StateAsync(api, barcode);
        Assert.Equal("Received", received.GetProperty("status").GetString());
        Assert.Equal(ScannerTestData.ReceptionDesk, received.GetProperty("location").GetString());
        Assert.Equal(ScannerTestData.ReceptionDesk, (await StateAsync(api, barcode)).GetProperty("location").GetString());

        // Through the scan station's service in the app (what the scan page does), not over the API.
        using (var scope = fixture.App.Services.CreateScope())
        {
            var scans = scope.ServiceProvider.GetRequiredService<ScanService>();
            await scans.MoveAsync(await scans.FindAsync(barcode), (await scans.FindAsync(ScannerTestData.ShelfA)).Location!, "technician@lablims.test", "shelf");
        }
        var moved = await StateAsync(api, barcode);
        Assert.Equal(ScannerTestData.ShelfA, moved.GetProperty("location").GetString());
        Assert.Equal(["Received", "Moved"], moved.GetProperty("custody").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        // A scan of another sample of the request changes this one's request status: seen too.
        Assert.Equal("Submitted", moved.GetProperty("request").GetProperty("status").GetString());
        await ScannerTestData.ScanAsync(api, new { barcode = barcodes[1], station = "desk", action = "receive" });
        Assert.Equal("Received", (await StateAsync(api, barcode)).GetProperty("request").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AWriteOnAnotherConnectionToTheSameFileIsSeenByTheNextLookUp()
    {
        // What another process of the app (or a person with a SQLite tool) does: its own connection to lablims.db,
        // not one of this app's pooled ones, and not through any of the app's services.
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var barcode = barcodes[0];
        using var api = ScannerTestData.Station(fixture);
        Assert.Equal("扫码 API 样品 1", (await StateAsync(api, barcode)).GetProperty("name").GetString());
        Assert.Equal("扫码 API 样品 1", (await StateAsync(api, barcode)).GetProperty("name").GetString());

        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Default Timeout=30"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE Samples SET Name = $name WHERE Barcode = $barcode";
            update.Parameters.AddWithValue("$name", "另一连接改名");
            update.Parameters.AddWithValue("$barcode", barcode);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        Assert.Equal("另一连接改名", (await StateAsync(api, barcode)).GetProperty("name").GetString());

        // A LabDbContext of its own (not from the app's pool), as another app server would have.
        var options = new DbContextOptionsBuilder<LabDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False;Default Timeout=30").Options;
        await using (var other = new LabDbContext(options))
        {
            Assert.Equal(1, await other.Samples.Where(s => s.Barcode == barcode)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Holder, "另一台服务器上的张三")));
        }
        var held = await StateAsync(api, barcode);
        Assert.Equal("另一台服务器上的张三", held.GetProperty("holder").GetString());
        Assert.Equal("另一连接改名", held.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnEnterpriseSeesOnlyItsOwnSamplesWhetherTheStateIsInMemoryOrNot()
    {
        var (number, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var barcode = barcodes[0];
        var haixi = await ApiTestClient.EnterpriseIdAsync(fixture, DemoData.HaixiCode);
        var (haixiKey, _) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Enterprise, haixi, "haixi erp (cache)");
        using var station = ScannerTestData.Station(fixture);
        using var owner = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);
        using var other = ApiTestClient.For(fixture, haixiKey);

        // Another enterprise first (nothing in memory yet), then after the lab and the owner have read it (in memory).
        foreach (var round in new[] { "cold", "warm" })
        {
            using var refused = await other.GetAsync($"/api/v1/samples/{barcode}");
            Assert.True(HttpStatusCode.NotFound == refused.StatusCode, round);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain(barcode, text, StringComparison.Ordinal);
            Assert.DoesNotContain(number, text, StringComparison.Ordinal);

            var seenByLab = await (await station.GetAsync($"/api/v1/samples/{barcode}")).Content.ReadAsStringAsync();
            using var ownResponse = await owner.GetAsync($"/api/v1/samples/{barcode}");
            Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
            Assert.Equal(seenByLab, await ownResponse.Content.ReadAsStringAsync());
        }
        // And the same 404 as a code nobody issued, asked twice (the second time from memory).
        foreach (var _ in new[] { 1, 2 })
        {
            using var unknown = await other.GetAsync($"/api/v1/samples/{ScannerTestData.UnknownSampleBarcode}");
            using var refused = await other.GetAsync($"/api/v1/samples/{barcode}");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal((await ApiTestClient.JsonAsync(unknown)).GetProperty("title").GetString(),
                (await ApiTestClient.JsonAsync(refused)).GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task TheAnswerIsTheSameBytesWithTheCacheOnAndOff()
    {
        // A sample with a deviation, moved, held and divided; another untouched; a specimen by its code in both cases.
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 3, 2);
        using var api = ScannerTestData.Station(fixture);
        await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "收样台 1", action = "receive", quantity = 2, condition = "damaged", note = "伞骨弯折" });
        await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "lab", action = "move", location = ScannerTestData.ShelfA });
        await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "lab", action = "take" });
        string specimen;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var scans = scope.ServiceProvider.GetRequiredService<ScanService>();
            specimen = (await scans.DivideAsync(await scans.FindAsync(barcodes[0]), 2, "伞面裁片", "technician@lablims.test", "web"))[1].Barcode;
        }
        var mvcJson = fixture.App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions;
        using var off = new SampleStateCache(null, enabled: false, mvcJson, NullLogger<SampleStateCache>.Instance);
        Assert.False(off.Enabled);

        foreach (var code in new[] { barcodes[0], barcodes[1], specimen, specimen.ToLowerInvariant() })
        {
            var reading = Numbers.ReadScan(code);
            string withoutCache, asMvcWritesIt;
            using (var scope = fixture.App.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
                var answer = await off.FindAsync(() => db, reading.Code!, reading.Kind!.Value);
                withoutCache = System.Text.Encoding.UTF8.GetString(answer!.Json);
                // What the endpoint answered before the cache: MVC's Ok(state) with its JSON options.
                asMvcWritesIt = JsonSerializer.Serialize((await SampleStateQuery.FindAsync(db, reading.Code!, reading.Kind.Value))!.State, mvcJson);
            }
            Assert.Equal(asMvcWritesIt, withoutCache);
            foreach (var _ in new[] { "read from the database", "from memory" })
            {
                using var response = await api.GetAsync($"/api/v1/samples/{code}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
                Assert.Equal(withoutCache, await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task TheCacheHoldsAtMostItsCapacity()
    {
        var mvcJson = fixture.App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions;
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        using var cache = new SampleStateCache(db.Database.GetConnectionString(), enabled: true, mvcJson, NullLogger<SampleStateCache>.Instance, capacity: 20);
        Assert.True(cache.Enabled);

        for (var i = 1; i <= 100; i++)
        {
            Assert.Null(await cache.FindAsync(() => db, Numbers.SampleBarcode(2020, i), ScanKind.Sample));
            Assert.InRange(cache.Count, 0, 20);
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void ScanStateCacheSettingTurnsItOnOrOffForSqlite(string? setting, bool enabled)
    {
        var settings = new Dictionary<string, string?>();
        if (setting is not null) settings[SampleStateCache.ConfigKey] = setting;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<LabDbContext>(o => o.UseSqlite($"Data Source={DatabasePath}"))
            .AddSampleStateCache(configuration);
        services.AddControllers();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(enabled, provider.GetRequiredService<SampleStateCache>().Enabled);
    }

    private string DatabasePath => Path.Combine(fixture.App.DataFolder, "lablims.db");

    private static async Task<JsonElement> StateAsync(HttpClient api, string barcode)
    {
        using var response = await api.GetAsync($"/api/v1/samples/{barcode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiTestClient.JsonAsync(response);
    }
}
