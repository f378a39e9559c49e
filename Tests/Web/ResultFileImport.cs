using System.Net;
using System.Text;
using Lab.Data;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Booking;

namespace Tests.Web;

/// <summary>Instrument PCs post the result files they export; each goes through the same run job as a driver's capture.</summary>
[Collection(AppCollection.Name)]
public sealed class ResultFileImport(AppFixture fixture)
{
    private async Task<string> ReceivedShoeAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.Name == "福建海西鞋业有限公司");
        var request = await booking.SaveDraftAsync(null, new BookingInput
        {
            Samples = [new SampleInput { Name = "外底片", Quantity = 1, Methods = ["FTW-TEN"] }],
        }, enterprise, "client@haixi-shoes.test", await booking.ActiveMethodsAsync());
        await booking.SubmitAsync(request, enterprise);
        request.ReceiveSample(request.Samples[0], "reception@lablims.test", DateTime.UtcNow, 1, SampleCondition.Intact, null);
        await db.SaveChangesAsync();
        return request.Samples[0].Barcode!;
    }

    private static byte[] ExampleFor(string barcode)
    {
        var example = File.ReadAllText(Path.Combine(TestFolders.RepositoryRoot, "Web", "Instruments", "Examples", "force-curve.csv"));
        return Encoding.UTF8.GetBytes(example.Replace("Sample,S2026-000123-6", $"Sample,{barcode}", StringComparison.Ordinal));
    }

    private static ByteArrayContent Csv(byte[] bytes) => ApiTestClient.Body(Encoding.UTF8.GetString(bytes), "text/csv");

    [Fact]
    public async Task AnExportedFileGivesOneResultEvenWhenPostedTwice()
    {
        var barcode = await ReceivedShoeAsync();
        var file = ExampleFor(barcode);
        using var station = ScannerTestData.Station(fixture);

        var first = await station.PostAsync("/api/v1/instruments/UTM-01/results", Csv(file));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var runId = (await ApiTestClient.JsonAsync(first)).GetProperty("runId").GetInt32();
        var again = await station.PostAsync("/api/v1/instruments/UTM-01/results", Csv(file));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(runId, (await ApiTestClient.JsonAsync(again)).GetProperty("runId").GetInt32());

        string? status = null;
        for (var i = 0; i < 100 && status is not ("Completed" or "Failed"); i++)
        {
            await Task.Delay(200);
            status = (await ApiTestClient.JsonAsync(await station.GetAsync($"/api/v1/runs/{runId}"))).GetProperty("status").GetString();
        }
        Assert.Equal("Completed", status);
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        Assert.Single(await db.Runs.Where(r => r.SampleBarcode == barcode).ToListAsync());
        var run = await db.Runs.SingleAsync(r => r.Id == runId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)), run.RawDataSha256);
        Assert.Equal(file, await File.ReadAllBytesAsync(Path.Combine(fixture.App.DataFolder, "files", run.RawDataPath!)));
    }

    [Fact]
    public async Task ACorruptFileIsRefusedWithAClearErrorAndKept()
    {
        var barcode = await ReceivedShoeAsync();
        var text = Encoding.UTF8.GetString(ExampleFor(barcode));
        var corrupt = Encoding.UTF8.GetBytes(text[..(text.Length / 2)].Replace("Columns,", "Colums,", StringComparison.Ordinal) + "\nabc,def,ghi\n");
        using var station = ScannerTestData.Station(fixture);

        var response = await station.PostAsync("/api/v1/instruments/UTM-01/results", Csv(corrupt));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = await ApiTestClient.JsonAsync(response);
        Assert.Contains("line", problem.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
        var kept = Directory.GetFiles(Path.Combine(fixture.App.DataFolder, "files", "import-rejected"));
        Assert.Contains(kept, f => File.ReadAllBytes(f).SequenceEqual(corrupt));

        var wrongInstrument = await station.PostAsync("/api/v1/instruments/UTM-02/results", Csv(ExampleFor(barcode)));
        Assert.Equal((HttpStatusCode)422, wrongInstrument.StatusCode);
    }

    [Fact]
    public async Task AFileDroppedInTheWatchedFolderIsImportedAndMovedAside()
    {
        var barcode = await ReceivedShoeAsync();
        var folder = Path.Combine(fixture.App.DataFolder, "import", "UTM-01");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"export-{barcode}.csv");
        await File.WriteAllBytesAsync(path, ExampleFor(barcode));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-5));
        var bad = Path.Combine(folder, "garbage.csv");
        await File.WriteAllTextAsync(bad, "not an export");
        File.SetLastWriteTimeUtc(bad, DateTime.UtcNow.AddSeconds(-5));

        Lab.Domain.Instruments.Run? run = null;
        for (var i = 0; i < 100 && run?.Status != Lab.Domain.Instruments.RunStatus.Completed; i++)
        {
            await Task.Delay(200);
            using var scope = fixture.App.Services.CreateScope();
            run = await scope.ServiceProvider.GetRequiredService<LabDbContext>().Runs.AsNoTracking().FirstOrDefaultAsync(r => r.SampleBarcode == barcode);
        }
        Assert.Equal(Lab.Domain.Instruments.RunStatus.Completed, run?.Status);
        Assert.Equal($"export-{barcode}.csv", run!.ImportFileName);
        Assert.False(File.Exists(path));
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "processed"), $"*export-{barcode}.csv"));
        for (var i = 0; i < 50 && File.Exists(bad); i++) await Task.Delay(100);
        Assert.Contains(Directory.GetFiles(Path.Combine(folder, "rejected"), "*.error.txt"), f => f.Contains("garbage", StringComparison.Ordinal));
    }
}
