using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace LabLims.Bench;

/// <summary>
/// Issue 4's throughput measure: the scanner API's lookup (GET /api/v1/samples/{barcode}) on the real app against a
/// bare ASP.NET Core endpoint (a minimal WebApplication in this process: GET /ping → "ok", Kestrel defaults, no
/// logging), both at 64 concurrent connections in the same run, so the ratio says what the app's work costs over
/// the framework's floor on this machine.
/// </summary>
public static class ScanBenchmark
{
    private const int Connections = 64;
    private const int FewConnections = 8;
    private const int Requests = 20; // booked, 10 samples each: 200 barcodes to pick from at random
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);
    private const int Rounds = 4;
    private const double GoalRatio = 0.5;
    private const double GoalP99Ms = 20;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var folder = AppProcess.NewDataFolder("scan");
        try
        {
            await using var app = await AppProcess.StartAsync(folder, demoData: true);
            Console.WriteLine($"App {AppProcess.WebDll} ({AppProcess.Configuration}), process {app.ProcessId}, at {app.BaseAddress}, data {folder}");

            var barcodes = new List<string>();
            using (var client = Api.Client(app.BaseAddress, Api.EnterpriseKey))
            {
                var body = Api.BookingBody(10);
                for (var i = 0; i < Requests; i++) barcodes.AddRange((await Api.BookAsync(client, body)).Barcodes);
            }
            using (var station = Api.Client(app.BaseAddress, Api.StationKey))
                await Api.LookUpAsync(station, barcodes[0]);

            // The bookings' confirmation emails (a label PDF each) are sent in the background: let them finish, so the
            // bare endpoint is measured on a machine the app leaves alone, as the scan endpoint is.
            var idle = await app.WaitUntilIdleAsync();
            Console.WriteLine($"App idle after {idle.TotalSeconds:0.0} s");
            await using var bare = await StartBareAsync();
            Console.WriteLine($"Bare endpoint at {bare.Urls.First()}/ping; {Connections} connections, {WarmUp.TotalSeconds} s warm-up each, then {Rounds} rounds of bare and scan, {Duration.TotalSeconds / Rounds} s each");

            // Interleaved: bare, scan, bare, scan, ... in windows of Duration / Rounds each, after a warm-up of each, so
            // that a change in the machine's state over the run (other processes, CPU clock) weighs on both sides alike.
            string ScanPath(Random r) => $"/api/v1/samples/{barcodes[r.Next(barcodes.Count)]}";
            await LoadLoop.RunAsync(bare.Urls.First(), null, _ => "/ping", Connections, WarmUp, TimeSpan.Zero);
            await LoadLoop.RunAsync(app.BaseAddress, Api.StationKey, ScanPath, Connections, WarmUp, TimeSpan.Zero);
            var window = Duration / Rounds;
            var pings = new List<LoadResult>();
            var scans = new List<LoadResult>();
            var cpuScan = TimeSpan.Zero;
            for (var round = 0; round < Rounds; round++)
            {
                pings.Add(await LoadLoop.RunAsync(bare.Urls.First(), null, _ => "/ping", Connections, TimeSpan.Zero, window));
                var cpuBefore = app.CpuTime;
                scans.Add(await LoadLoop.RunAsync(app.BaseAddress, Api.StationKey, ScanPath, Connections, TimeSpan.Zero, window));
                cpuScan += app.CpuTime - cpuBefore;
            }
            var ping = LoadResult.Combine(pings);
            var scan = LoadResult.Combine(scans);
            var cpuPerRequest = cpuScan.TotalMilliseconds / scan.Started;
            var perRound = string.Join(", ", pings.Zip(scans, (p, q) => Table.N(q.PerSecond / p.PerSecond, "0.00")));

            // A lab has a handful of scan stations, not 64: the same endpoint with 8 connections, for scale.
            var few = await LoadLoop.RunAsync(app.BaseAddress, Api.StationKey, r => $"/api/v1/samples/{barcodes[r.Next(barcodes.Count)]}",
                FewConnections, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

            var ratio = scan.PerSecond / ping.PerSecond;
            var p99 = scan.Latencies.Percentile(99);
            new Table($"scan: GET /api/v1/samples/{{barcode}} (station key) vs bare ASP.NET Core, {Connections} connections")
                .Row("bare endpoint (GET /ping)", $"{Table.N(ping.PerSecond, "0")} requests/s", Failures(ping))
                .Row("scan endpoint (GET /api/v1/samples/{barcode})", $"{Table.N(scan.PerSecond, "0")} requests/s", Failures(scan))
                .Row("ratio scan / bare", Table.N(ratio, "0.00"), $"≥ {GoalRatio}: {Table.Met(ratio >= GoalRatio)}")
                .Row($"… in each of the {Rounds} rounds", perRound)
                .Row("scan p50", $"{Latencies.Ms(scan.Latencies.Percentile(50))} ms")
                .Row("scan p99", $"{Latencies.Ms(p99)} ms", $"≤ {GoalP99Ms} ms: {Table.Met(p99 <= GoalP99Ms)}")
                .Row("app CPU time per scan request", $"{Latencies.Ms(cpuPerRequest)} ms")
                .Row($"scan endpoint with {FewConnections} connections", $"{Table.N(few.PerSecond, "0")} requests/s, " +
                    $"p50 {Latencies.Ms(few.Latencies.Percentile(50))} ms, p99 {Latencies.Ms(few.Latencies.Percentile(99))} ms", Failures(few))
                .Row("bare p50 / p99", $"{Latencies.Ms(ping.Latencies.Percentile(50))} / {Latencies.Ms(ping.Latencies.Percentile(99))} ms")
                .Print(
                    $"{barcodes.Count} barcodes of {Requests} booked requests, picked at random; the load generator, the bare endpoint " +
                    "and the app share the machine's cores.");
            return scan.Failures > 0 ? 1 : 0;
        }
        finally
        {
            AppProcess.DeleteDataFolder(folder, options.Keep);
        }
    }

    private static string Failures(LoadResult result) => result.Failures == 0 ? "" : $"**{result.Failures} failed responses**";

    /// <summary>The floor: the least an ASP.NET Core endpoint can do, with Kestrel's defaults and logging off.</summary>
    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{AppProcess.FreePort()}");
        var app = builder.Build();
        app.MapGet("/ping", () => "ok");
        await app.StartAsync();
        return app;
    }
}
