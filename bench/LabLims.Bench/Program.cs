using LabLims.Bench;

// One command per measure: dotnet run -c Release --project bench/LabLims.Bench -- <benchmark> [options]
var benchmarks = new Dictionary<string, (string What, Func<BenchOptions, Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["booking"] = ("POST /api/v1/requests, 10 samples × 3 methods: sequential and 8 concurrent clients", BookingBenchmark.RunAsync),
    ["scan"] = ("GET /api/v1/samples/{barcode} against a bare ASP.NET Core endpoint, 64 connections", ScanBenchmark.RunAsync),
    ["jobs"] = ("instrument run jobs through Hangfire on SQLite storage: jobs/s and enqueue-to-start latency", JobsBenchmark.RunAsync),
    ["lookup"] = ("barcode lookup with 100,000 samples in the database (HTTP and in-process)", LookupBenchmark.RunAsync),
    ["certificate"] = ("render a two-page bilingual test report with a curve (in-process, p50/p95)", CertificateBenchmark.RunAsync),
    ["certificates-issued"] = ("1,000 issued reports: certificates generated and emailed to a local SMTP server (no signatures)", CertificatesEmailBenchmark.RunIssuedAsync),
    ["certificates-email"] = ("1,000 certificates approved, rendered and emailed to a local SMTP server", CertificatesEmailBenchmark.RunAsync),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/LabLims.Bench -- <benchmark> [--keep] [--data FOLDER] [--web WEB.DLL]");
    foreach (var (name, (what, _)) in benchmarks) Console.Error.WriteLine($"  {name,-11} {what}");
    Console.Error.WriteLine("  --keep         keep the temporary data folder (its path is printed)");
    Console.Error.WriteLine("  --data FOLDER  lookup: reuse the database of a kept lookup run instead of creating one");
    Console.Error.WriteLine("  --web WEB.DLL  start another build of the app (e.g. a copy made before a change)");
    return 2;
}

#if DEBUG
Console.Error.WriteLine("warning: the bench was built in Debug, so the app it starts is Web's Debug build; use -c Release.");
#endif

Machine.Start(); // before any load of our own
var options = BenchOptions.Parse(args[1..]);
if (options.Web is not null) AppProcess.WebDll = options.Web;
return await benchmark.Run(options);
