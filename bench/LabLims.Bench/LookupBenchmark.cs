using System.Diagnostics;
using Lab.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Web.Samples;

namespace LabLims.Bench;

/// <summary>
/// Issue 4's lookup measure: finding a sample by its barcode with 100,000 samples in the database. Over HTTP, the
/// real app on that data folder answers GET /api/v1/samples/{barcode} for random barcodes, one after another; in
/// process, the app's own <see cref="ScanService.FindAsync"/> runs on a fresh LabDbContext per lookup (as per HTTP
/// request), which is the EF work alone.
/// </summary>
public static class LookupBenchmark
{
    private const int Requests = 10_000;
    private const int SamplesPerRequest = 10;
    private const int WarmUp = 200;
    private const int Lookups = 2_000;
    private const double GoalP50Ms = 5;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var reuse = options.Data is not null;
        var folder = options.Data ?? AppProcess.NewDataFolder("lookup");
        try
        {
            var barcodes = reuse ? await LookupData.BarcodesAsync(folder) : await LookupData.CreateAsync(folder, Requests, SamplesPerRequest);
            var inProcess = await InProcessAsync(folder, barcodes);

            await using var app = await AppProcess.StartAsync(folder, demoData: false);
            Console.WriteLine($"App {AppProcess.WebDll} ({AppProcess.Configuration}), process {app.ProcessId}, at {app.BaseAddress}, data {folder}");
            using var client = Api.Client(app.BaseAddress, Api.StationKey);
            var random = new Random(42);
            var http = new Latencies();
            for (var i = 0; i < WarmUp + Lookups; i++)
            {
                var barcode = barcodes[random.Next(barcodes.Count)];
                var started = Stopwatch.GetTimestamp();
                await Api.LookUpAsync(client, barcode);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (i >= WarmUp) http.Add(elapsed);
            }

            var p50 = http.Percentile(50);
            new Table($"lookup: {barcodes.Count:N0} samples ({Requests:N0} requests × {SamplesPerRequest}), random barcodes, sequential")
                .Row($"HTTP GET /api/v1/samples/{{barcode}} (station key): p50 ({Lookups:N0} lookups after {WarmUp} warm-up)", $"{Latencies.Ms(p50)} ms",
                    $"≤ {GoalP50Ms} ms: {Table.Met(p50 <= GoalP50Ms)}")
                .Row("HTTP p99", $"{Latencies.Ms(http.Percentile(99))} ms")
                .Row("HTTP max", $"{Latencies.Ms(http.Max)} ms")
                .Row($"in-process ScanService.FindAsync (EF, fresh LabDbContext): p50", $"{Latencies.Ms(inProcess.Percentile(50))} ms",
                    $"≤ {GoalP50Ms} ms: {Table.Met(inProcess.Percentile(50) <= GoalP50Ms)}")
                .Row("in-process p99", $"{Latencies.Ms(inProcess.Percentile(99))} ms")
                .Print(
                    "Each request has 10 samples with 3 analyses each (300,000 analyses); the lookup loads the sample's request with " +
                    "its samples, analyses, methods and specimens, and the enterprise (ScanService.FindAsync), then over HTTP the chain of custody.",
                    reuse ? $"Database reused from {folder}." : "");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!reuse) AppProcess.DeleteDataFolder(folder, options.Keep);
        }
    }

    /// <summary>The app's lookup without HTTP: ScanService.FindAsync, which reads only the database.</summary>
    private static async Task<Latencies> InProcessAsync(string folder, List<string> barcodes)
    {
        var options = LookupData.Options(folder);
        await using (var db = new LabDbContext(LookupData.OptionsWithSqlLog(folder)))
        {
            Console.WriteLine($"SQL of one lookup ({barcodes[barcodes.Count / 2]}):");
            await Scans(db).FindAsync(barcodes[barcodes.Count / 2]);
        }
        var random = new Random(7);
        var latencies = new Latencies();
        for (var i = 0; i < WarmUp + Lookups; i++)
        {
            var barcode = barcodes[random.Next(barcodes.Count)];
            var started = Stopwatch.GetTimestamp();
            await using var db = new LabDbContext(options);
            var found = await Scans(db).FindAsync(barcode);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (found.Sample?.Barcode != barcode) throw new InvalidOperationException($"{barcode} was not found in process.");
            if (i >= WarmUp) latencies.Add(elapsed);
        }
        return latencies;
    }

    // FindAsync reads the database only; the email collaborators are for the scan actions, which this does not call.
    private static ScanService Scans(LabDbContext db) => new(db, null!, null!, TimeProvider.System);
}
