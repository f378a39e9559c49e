using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage.SQLite;
using Lab.Data;
using Lab.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;
using Web.Instruments;

namespace LabLims.Bench;

/// <summary>
/// Issue 5's measure: instrument run jobs through Hangfire on the app's SQLite job storage (jobs.db opened by
/// <see cref="JobStorageConnection"/>, Program.cs's workers and poll interval), and the same storage with a trivial job
/// for the floor. Throughput: a backlog of jobs is enqueued while the app is stopped (the runs by the app's own
/// <see cref="RunService.StartAsync"/>, which saves the run and enqueues <see cref="RunJobs.PerformAsync"/>), then the
/// app is started and drains it; jobs/s from the first job's Processing state to the last one's Succeeded state, as
/// Hangfire recorded them in jobs.db. Latency: with the app running, runs are started by a station over
/// POST /api/v1/runs (enqueued in the app, as in the lab) and trivial jobs are enqueued from here, at a steady rate far
/// below capacity; enqueue-to-start is Hangfire's own "Latency" of each job (job created → job method starts). And
/// first, without Hangfire: <see cref="RunJobs.PerformAsync"/> called in this process, one run after another, for
/// what our own code costs per job. Last, the steady state: the same kind of backlog, 1,000 runs measured behind 2,000
/// runs of the same methods in one drain. A lab's server runs for weeks, so its code is JIT-compiled at its final tier;
/// for the first 10–15 s after start-up the app runs EF Core's and Hangfire's code at tier 0 or instrumented while the
/// runtime's tiering thread recompiles it (bench/, jobs, profile), and that thread's CPU is reported to show when it ends.
/// </summary>
public static class JobsBenchmark
{
    private const int BacklogRuns = 1000;
    private const int BacklogTrivial = 1000;
    private const int LatencyJobs = 300;
    private const int LatencyRuns = 150;
    private const double RunRatePerSecond = 5;
    private const int DirectRuns = 300;
    private const int DirectWarmUp = 50;
    private const string BacklogBy = "station:bench";
    private const string DirectBy = "station:bench-in-process";
    private const double LatencyRatePerSecond = 20;
    private const double GoalJobsPerSecond = 200;
    private const double GoalP50Ms = 1000;

    // 230 requests × 10 samples × (UMB-FRAME, UMB-WIND, UMB-OC): samples 0–499 give the cold backlog's 1,000 runs (frame
    // strength and wind resistance), samples 500–799 the in-process runs (wind) and the latency runs (frame strength),
    // samples 800–1,299 the steady backlog's 1,000 runs, after 2,000 runs of the same two methods (samples 1,300–2,299)
    // that bring the app to its steady state.
    private const int Requests = 230;
    private const int WarmUpRuns = 2000;
    private const int SamplesPerRequest = 10;
    private static readonly (string Method, string Instrument)[] BacklogMethods = [("UMB-FRAME", "UTM-01"), ("UMB-WIND", "WT-01")];

    private static readonly (string Key, string Value)[] AppSettings =
    [
        // The simulated drivers answer at once: what is measured is the job, not an instrument's test time.
        ("Instruments:SimulatedCaptureDelay", "00:00:00"),
        // The app's default log levels (Information) would write a line per job to the console we read.
        ("Logging:LogLevel:Default", "Warning"),
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var folder = AppProcess.NewDataFolder("jobs");
        var failed = false;
        try
        {
            Console.WriteLine($"Data folder {folder}; app {AppProcess.WebDll} ({AppProcess.Configuration})");
            var barcodes = await LookupData.CreateAsync(folder, Requests, SamplesPerRequest);
            await ReceiveAllAsync(folder);
            // 0. The job method alone, in this process, one run after another: what our code costs without Hangfire.
            var alone = await PerformDirectlyAsync(folder, barcodes[(BacklogRuns / BacklogMethods.Length)..][..DirectRuns]);

            var jobsDb = Path.Combine(folder, "jobs.db");
            var storage = Storage(jobsDb);
            var client = new BackgroundJobClient(storage);

            // 1. A backlog of real run jobs, enqueued by RunService while no server runs, then drained by the app.
            var runsFrom = LastJobId(jobsDb);
            var enqueue = Stopwatch.StartNew();
            await StartRunsAsync(folder, client, barcodes[..(BacklogRuns / BacklogMethods.Length)], BacklogMethods);
            Console.WriteLine($"{BacklogRuns} runs saved and enqueued by RunService in {enqueue.Elapsed.TotalSeconds:0.0} s " +
                $"({BacklogRuns / enqueue.Elapsed.TotalSeconds:0} runs/s, no server running)");
            var runs = await DrainAsync(folder, jobsDb, runsFrom, "RunJobs.PerformAsync", BacklogRuns);
            var runRecords = await RunStatusesAsync(folder);

            // 2. The same with a job that does nothing: what the storage and Hangfire alone allow.
            var trivialFrom = LastJobId(jobsDb);
            for (var i = 0; i < BacklogTrivial; i++) client.Enqueue(() => GC.KeepAlive(null));
            var trivial = await DrainAsync(folder, jobsDb, trivialFrom, "System.GC", BacklogTrivial);

            // 3. Enqueue-to-start at a steady rate, the app running: runs started by a station, trivial jobs from here.
            (Drain Result, Latencies Latency) runLatency, trivialLatency;
            await using (var app = await AppProcess.StartAsync(folder, demoData: false, AppSettings))
            {
                using var station = Api.Client(app.BaseAddress, Api.StationKey, 4);
                await Task.Delay(TimeSpan.FromSeconds(2)); // past start-up
                var from = LastJobId(jobsDb);
                var latencyBarcodes = barcodes[(BacklogRuns / BacklogMethods.Length)..][..LatencyRuns];
                await AtRateAsync(LatencyRuns, RunRatePerSecond, async i =>
                {
                    var body = JsonSerializer.SerializeToUtf8Bytes(new { barcode = latencyBarcodes[i], method = "UMB-FRAME", instrument = "UTM-02" });
                    using var response = await station.PostAsync("/api/v1/runs", Api.Json(body));
                    if (response.StatusCode != HttpStatusCode.Accepted)
                        throw new InvalidOperationException($"POST /api/v1/runs answered {Api.Describe(response, await response.Content.ReadAsStringAsync())}");
                });
                runLatency = await WaitLatenciesAsync(jobsDb, from, "RunJobs.PerformAsync", LatencyRuns);

                from = LastJobId(jobsDb);
                await AtRateAsync(LatencyJobs, LatencyRatePerSecond, _ =>
                {
                    client.Enqueue(() => GC.KeepAlive(null));
                    return Task.CompletedTask;
                });
                trivialLatency = await WaitLatenciesAsync(jobsDb, from, "System.GC", LatencyJobs);
            }

            // 4. The same backlog in an app at its steady state: 2,000 runs of the same methods first, drained by the app as
            // one backlog with the measured 1,000 behind them. The runtime recompiles hot methods in the background for the
            // app's first ~10–15 s (tier 0, then an instrumented tier, then optimized); the tiering thread's CPU during the
            // measured 1,000 is reported to show it has finished.
            var warmFrom = LastJobId(jobsDb);
            await StartRunsAsync(folder, client, barcodes[1300..][..(WarmUpRuns / BacklogMethods.Length)], BacklogMethods);
            var measuredFrom = LastJobId(jobsDb);
            await StartRunsAsync(folder, client, barcodes[800..][..(BacklogRuns / BacklogMethods.Length)], BacklogMethods);
            var warm = await DrainAsync(folder, jobsDb, warmFrom, "RunJobs.PerformAsync", BacklogRuns, WarmUpRuns, measuredFrom);
            var warmCompleted = (await RunStatusesAsync(folder)).GetValueOrDefault("Completed") - runRecords.GetValueOrDefault("Completed");

            var completed = runRecords.GetValueOrDefault("Completed");
            new Table($"jobs: instrument run jobs through Hangfire on SQLite storage ({BacklogRuns} runs)")
                .Row($"real run jobs (RunJobs.PerformAsync, simulated drivers, no capture delay): backlog of {BacklogRuns}",
                    $"{Table.N(runs.PerSecond, "0")} jobs/s", $"≥ {GoalJobsPerSecond}/s: {Table.Met(runs.PerSecond >= GoalJobsPerSecond)}")
                .Row("… the middle 80 % of them", $"{Table.N(runs.MiddlePerSecond, "0")} jobs/s")
                .Row("… run records Completed", $"{completed} of {BacklogRuns}",
                    completed == BacklogRuns ? "" : $"**{string.Join(", ", runRecords.Select(r => $"{r.Value} {r.Key}"))}**")
                .Row("… job method time p50 / p95 (Hangfire's PerformanceDuration)", $"{runs.Perform.Percentile(50):0} / {runs.Perform.Percentile(95):0} ms")
                .Row("… app CPU time per job", $"{Latencies.Ms(runs.CpuMsPerJob)} ms")
                .Row($"real run jobs, steady state: backlog of {BacklogRuns} drained after {WarmUpRuns} runs of the same methods (one backlog, one app)",
                    $"{Table.N(warm.PerSecond, "0")} jobs/s", $"≥ {GoalJobsPerSecond}/s: {Table.Met(warm.PerSecond >= GoalJobsPerSecond)}")
                .Row("… the middle 80 % of them", $"{Table.N(warm.MiddlePerSecond, "0")} jobs/s")
                .Row("… run records Completed (warm-up included)", $"{warmCompleted} of {WarmUpRuns + BacklogRuns}")
                .Row("… job method time p50 / p95; app CPU time per job", $"{warm.Perform.Percentile(50):0} / {warm.Perform.Percentile(95):0} ms; {Latencies.Ms(warm.CpuMsPerJob)} ms")
                .Row("… the runtime's tiered-compilation thread during them (0: the app's code had reached its final tier); during the warm-up",
                    $"{Tiering(warm.TieringMs)}; {Tiering(warm.TieringWarmUpMs)}")
                .Row($"the job method alone (RunJobs.PerformAsync called in-process, no Hangfire, one at a time, {DirectRuns - DirectWarmUp} runs after {DirectWarmUp}): p50 / p95",
                    $"{Latencies.Ms(alone.Wall.Percentile(50))} / {Latencies.Ms(alone.Wall.Percentile(95))} ms")
                .Row("… CPU time per job", $"{Latencies.Ms(alone.CpuMsPerJob)} ms")
                .Row($"trivial jobs (GC.KeepAlive(null)), same storage and server: backlog of {BacklogTrivial}", $"{Table.N(trivial.PerSecond, "0")} jobs/s")
                .Row("… the middle 80 % of them", $"{Table.N(trivial.MiddlePerSecond, "0")} jobs/s")
                .Row("… app CPU time per job", $"{Latencies.Ms(trivial.CpuMsPerJob)} ms")
                .Row($"enqueue-to-start, {LatencyRuns} runs started over POST /api/v1/runs at {RunRatePerSecond}/s: p50", $"{runLatency.Latency.Percentile(50):0} ms",
                    $"≤ {GoalP50Ms} ms: {Table.Met(runLatency.Latency.Percentile(50) <= GoalP50Ms)}")
                .Row("… p95 / max", $"{runLatency.Latency.Percentile(95):0} / {runLatency.Latency.Max:0} ms")
                .Row($"enqueue-to-start, {LatencyJobs} trivial jobs at {LatencyRatePerSecond}/s: p50 / p95 / max",
                    $"{trivialLatency.Latency.Percentile(50):0} / {trivialLatency.Latency.Percentile(95):0} / {trivialLatency.Latency.Max:0} ms")
                .Print(
                    $"The app as Program.cs configures it: jobs.db through JobStorageConnection, {Workers()} workers, queues default and email, " +
                    "queue poll interval 1 s (Lab:JobPollInterval). Throughput: the backlog enqueued with the app stopped, then drained by the " +
                    "started app, from the first job's Processing state to the last one's Succeeded state; the middle 80 % leaves out the " +
                    "first and last 10 % of the jobs to finish (JIT warm-up, the last worker alone). Steady state: the app drains 2,000 runs " +
                    "of the same methods and then the measured 1,000, timed from the first of those 1,000 to start. Enqueue-to-start: Hangfire's Latency " +
                    "(job created → method starts) of each job.");
            return completed == BacklogRuns && warmCompleted == WarmUpRuns + BacklogRuns ? 0 : 1;
        }
        catch
        {
            failed = true; // keep the data folder to look into
            throw;
        }
        finally
        {
            AppProcess.DeleteDataFolder(folder, options.Keep || failed);
        }
    }

    private static string Tiering(double? ms) => ms is { } value ? $"{value:0} ms" : "n/a (no /proc)";

    private static string Workers() => new LabOptions().JobWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The job storage as Program.cs opens it; the client's serializer settings as Program.cs sets them.</summary>
    internal static SQLiteStorage Storage(string jobsDb)
    {
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        return JobStorageConnection.CreateStorage(jobsDb, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
    }

    /// <summary>Reception has received every sample (the domain's verb), so their analyses can be run.</summary>
    private static async Task ReceiveAllAsync(string folder)
    {
        await using var db = new LabDbContext(LookupData.Options(folder));
        var requests = await db.TestRequests.Include(r => r.Samples).AsSplitQuery().ToListAsync();
        var now = DateTime.UtcNow;
        foreach (var request in requests)
            foreach (var sample in request.Samples)
                request.ReceiveSample(sample, "bench", now, sample.Quantity, SampleCondition.Intact, null);
        await db.SaveChangesAsync();
    }

    /// <summary>One RunService per run, on a context of its own, as one web request each would start it.</summary>
    private static async Task StartRunsAsync(string folder, IBackgroundJobClient client, IReadOnlyList<string> barcodes,
        (string Method, string Instrument)[] methodsOnInstruments)
    {
        var paths = new DataPaths(folder);
        List<int> analyses;
        await using (var db = new LabDbContext(LookupData.Options(folder)))
        {
            var methods = methodsOnInstruments.Select(m => m.Method).ToList();
            var wanted = barcodes.ToHashSet();
            var all = await db.Analyses.AsNoTracking()
                .Where(a => methods.Contains(a.MethodCode))
                .Select(a => new { a.Id, a.MethodCode, Barcode = db.Samples.Where(s => s.Id == a.SampleId).Select(s => s.Barcode).Single() })
                .ToListAsync();
            analyses = all.Where(a => wanted.Contains(a.Barcode!)).OrderBy(a => a.Id).Select(a => a.Id).ToList();
            var byId = all.ToDictionary(a => a.Id, a => a.MethodCode);
            foreach (var id in analyses)
            {
                await using var scope = new LabDbContext(LookupData.Options(folder));
                var instrument = methodsOnInstruments.Single(m => m.Method == byId[id]).Instrument;
                await new RunService(scope, client, TimeProvider.System, paths).StartAsync(id, instrument, BacklogBy);
            }
        }
        var wantedRuns = barcodes.Count * methodsOnInstruments.Length;
        if (analyses.Count != wantedRuns) throw new InvalidOperationException($"{analyses.Count} analyses found, {wantedRuns} wanted.");
    }

    /// <summary>
    /// RunJobs.PerformAsync on runs RunService started (their jobs enqueued nowhere), each with its own scope's
    /// context and services as the app's job activator gives them: wall time and this process's CPU time per job.
    /// </summary>
    private static async Task<(Latencies Wall, double CpuMsPerJob)> PerformDirectlyAsync(string folder, IReadOnlyList<string> barcodes)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddSimulatedInstrumentDrivers(o => o.CaptureDelay = TimeSpan.Zero);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, new DataPaths(folder));
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var drivers = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<InstrumentDrivers>(provider);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var faults = new SimulatedFaults(configuration);
        var paths = new DataPaths(folder);
        var options = new DbContextOptionsBuilder<LabDbContext>().UseSqlite(LookupData.ConnectionString(folder))
            .AddInterceptors(new SqliteBusyTimeout(TimeSpan.FromSeconds(30))).Options;
        var noJobs = new NoJobs();

        var runIds = new List<int>();
        await using (var db = new LabDbContext(options))
        {
            var wanted = barcodes.ToHashSet();
            var analyses = (await db.Analyses.AsNoTracking().Where(a => a.MethodCode == "UMB-WIND")
                    .Select(a => new { a.Id, Barcode = db.Samples.Where(s => s.Id == a.SampleId).Select(s => s.Barcode).Single() }).ToListAsync())
                .Where(a => wanted.Contains(a.Barcode!)).OrderBy(a => a.Id).Select(a => a.Id).ToList();
            foreach (var id in analyses)
            {
                await using var scope = new LabDbContext(options);
                runIds.Add((await new RunService(scope, noJobs, TimeProvider.System, paths).StartAsync(id, "WT-01", DirectBy)).Id);
            }
        }

        var wall = new Latencies();
        TimeSpan cpuFrom = default;
        for (var i = 0; i < runIds.Count; i++)
        {
            if (i == DirectWarmUp) cpuFrom = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await using (var db = new LabDbContext(options))
            {
                var job = new RunJobs(db, drivers, faults, paths, TimeProvider.System, noJobs, configuration,
                    Microsoft.Extensions.Logging.Abstractions.NullLogger<RunJobs>.Instance);
                await job.PerformAsync(runIds[i], null);
            }
            if (i >= DirectWarmUp) wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuFrom).TotalMilliseconds / (runIds.Count - DirectWarmUp);
        await using (var db = new LabDbContext(options))
        {
            var completed = await db.Runs.CountAsync(r => runIds.Contains(r.Id) && r.Status == Lab.Domain.Instruments.RunStatus.Completed);
            if (completed != runIds.Count) throw new InvalidOperationException($"Only {completed} of {runIds.Count} runs performed in-process completed.");
        }
        Console.WriteLine($"{runIds.Count} runs performed in-process: p50 {wall.Percentile(50):0.00} ms, CPU {cpu:0.00} ms per job");
        return (wall, cpu);
    }

    /// <summary>A job client that enqueues nothing: the in-process runs are performed by the bench itself.</summary>
    private sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => "0";
        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
    }

    private sealed record Drain(int Jobs, double Seconds, double MiddleSeconds, Latencies Perform, double CpuMsPerJob,
        double? TieringMs = null, double? TieringWarmUpMs = null)
    {
        public double PerSecond => Jobs / Seconds;
        public double MiddlePerSecond => Jobs * 0.8 / MiddleSeconds;
    }

    /// <summary>
    /// Starts the app on the backlog and waits until every job of it has finished; stops the app. The first
    /// <paramref name="warmUp"/> jobs (those up to <paramref name="measuredFrom"/>) only warm the app up; the
    /// <paramref name="count"/> after them are measured.
    /// </summary>
    private static async Task<Drain> DrainAsync(string folder, string jobsDb, long from, string kind, int count, int warmUp = 0, long? measuredFrom = null)
    {
        var measured = measuredFrom ?? from;
        await using var app = await AppProcess.StartAsync(folder, demoData: false, AppSettings);
        var deadline = Stopwatch.StartNew();
        TimeSpan? cpuAtFirst = null;
        var doneAtFirst = 0;
        TimeSpan? tieringAtFirst = null;
        var (lastSecond, lastDone, lastCpu, lastTiering) = (0L, 0, app.CpuTime, app.TieringCpuTime);
        while (true)
        {
            var done = Finished(jobsDb, from, kind);
            var measuredDone = Finished(jobsDb, measured, kind);
            if (cpuAtFirst is null && measuredDone > 0)
            {
                cpuAtFirst = app.CpuTime;
                tieringAtFirst = app.TieringCpuTime;
                doneAtFirst = measuredDone;
            }
            if (deadline.ElapsedMilliseconds / 1000 > lastSecond)
            {
                // Progress each second: how the drain rate changes while the app warms up (and whether it has).
                lastSecond = deadline.ElapsedMilliseconds / 1000;
                var (cpu, tiering) = (app.CpuTime, app.TieringCpuTime);
                Console.WriteLine($"  {deadline.Elapsed.TotalSeconds,5:0.0} s: {done,5} done, +{done - lastDone,4}; app CPU +{(cpu - lastCpu).TotalMilliseconds,5:0} ms" +
                    (tiering - lastTiering is { } jit ? $", of it the tiering thread +{jit.TotalMilliseconds:0} ms" : ""));
                (lastDone, lastCpu, lastTiering) = (done, cpu, tiering);
            }
            if (done >= warmUp + count) break;
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
                throw new InvalidOperationException($"Only {done} of {warmUp + count} {kind} jobs finished in 5 minutes; unfinished:\n" +
                    $"{Unfinished(jobsDb, from, kind)}\n{app.Output}");
            await Task.Delay(50);
        }
        var cpuPerJob = (app.CpuTime - cpuAtFirst!.Value).TotalMilliseconds / Math.Max(1, count - doneAtFirst);
        var tieringEnd = app.TieringCpuTime;
        var states = States(jobsDb, measured, kind);
        var processing = states.Where(s => s.Name == "Processing").Min(s => s.At);
        var succeeded = states.Where(s => s.Name == "Succeeded").Select(s => s.At).Order().ToList();
        if (succeeded.Count != count)
            throw new InvalidOperationException($"{succeeded.Count} of {count} {kind} jobs succeeded:\n{app.Output}");
        var perform = new Latencies();
        perform.AddRange(states.Where(s => s.Name == "Succeeded").Select(s => s.Data("PerformanceDuration")));
        var middle = (succeeded[(int)(count * 0.9) - 1] - succeeded[(int)(count * 0.1)]).TotalSeconds;
        Console.WriteLine($"{count} {kind} jobs drained in {(succeeded[^1] - processing).TotalSeconds:0.00} s");
        return new Drain(count, (succeeded[^1] - processing).TotalSeconds, middle, perform, cpuPerJob,
            (tieringEnd - tieringAtFirst)?.TotalMilliseconds, tieringAtFirst?.TotalMilliseconds);
    }

    /// <summary>Waits until the jobs enqueued after <paramref name="from"/> have finished and answers their latencies.</summary>
    private static async Task<(Drain, Latencies)> WaitLatenciesAsync(string jobsDb, long from, string kind, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (Finished(jobsDb, from, kind) < count)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
                throw new InvalidOperationException($"{kind} jobs did not finish in 2 minutes; unfinished:\n{Unfinished(jobsDb, from, kind)}");
            await Task.Delay(100);
        }
        var succeeded = States(jobsDb, from, kind).Where(s => s.Name == "Succeeded").ToList();
        if (succeeded.Count != count) throw new InvalidOperationException($"{succeeded.Count} of {count} {kind} jobs succeeded.");
        var latencies = new Latencies();
        latencies.AddRange(succeeded.Select(s => s.Data("Latency")));
        return (new Drain(count, 1, 1, new Latencies(), 0), latencies);
    }

    /// <summary>Calls <paramref name="act"/> <paramref name="count"/> times at a steady rate (each on time, not after the last).</summary>
    private static async Task AtRateAsync(int count, double perSecond, Func<int, Task> act)
    {
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            pending.Add(act(i));
        }
        await Task.WhenAll(pending);
    }

    private static async Task<Dictionary<string, int>> RunStatusesAsync(string folder)
    {
        await using var db = new LabDbContext(LookupData.Options(folder));
        return (await db.Runs.AsNoTracking().Where(r => r.StartedBy == BacklogBy).Select(r => r.Status).ToListAsync())
            .GroupBy(s => s.ToString()).ToDictionary(g => g.Key, g => g.Count());
    }

    // jobs.db read directly (read-only, WAL): Hangfire's tables Job and State, times stored as ticks (UTC).
    private static SqliteConnection Read(string jobsDb)
    {
        var connection = new SqliteConnection($"Data Source={jobsDb};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static long LastJobId(string jobsDb)
    {
        if (!File.Exists(jobsDb)) return 0;
        using var connection = Read(jobsDb);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM Job";
        return (long)command.ExecuteScalar()!;
    }

    private static int Finished(string jobsDb, long from, string kind)
    {
        using var connection = Read(jobsDb);
        using var command = connection.CreateCommand();
        // By the job's state history, not Job.StateName: a job the bench enqueues while the app runs can have its
        // StateName written back to Enqueued after it ran (the package rewrites the whole job row per command under a lock
        // that is per process; the app itself is the only process writing jobs.db in the lab). See README, jobs.
        command.CommandText = """
            SELECT COUNT(*) FROM Job j WHERE j.Id > $from AND j.InvocationData LIKE $kind
            AND EXISTS (SELECT 1 FROM State s WHERE s.JobId = j.Id AND s.Name IN ('Succeeded', 'Failed', 'Deleted'))
            """;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$kind", Pattern(kind));
        return (int)(long)command.ExecuteScalar()!;
    }

    /// <summary>The first jobs not finished, for a bench that gave up waiting: each one's state, states so far, and queue entry.</summary>
    private static string Unfinished(string jobsDb, long from, string kind)
    {
        using var connection = Read(jobsDb);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT j.Id, COALESCE(j.StateName, '(none)'),
                   (SELECT group_concat(s.Name, ' > ') FROM State s WHERE s.JobId = j.Id),
                   (SELECT group_concat(q.Queue || ' fetched at ' || q.FetchedAt, '; ') FROM JobQueue q WHERE q.JobId = j.Id)
            FROM Job j
            WHERE j.Id > $from AND j.InvocationData LIKE $kind AND COALESCE(j.StateName, '') NOT IN ('Succeeded', 'Failed', 'Deleted')
            ORDER BY j.Id LIMIT 20
            """;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$kind", Pattern(kind));
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
            lines.Add($"  job {reader.GetInt64(0)}: {reader.GetString(1)} (states: {(reader.IsDBNull(2) ? "none" : reader.GetString(2))}; " +
                $"queue: {(reader.IsDBNull(3) ? "not in a queue" : reader.GetString(3))})");
        return string.Join('\n', lines);
    }

    /// <summary>"RunJobs.PerformAsync" → "%RunJobs%PerformAsync%": the type and the method in the invocation data (the run sweep is a RunJobs job too).</summary>
    private static string Pattern(string kind) => "%" + kind.Replace('.', '%') + "%";

    private sealed record JobState(long JobId, string Name, DateTime At, string? Json)
    {
        public double Data(string field) =>
            Json is null ? double.NaN : JsonDocument.Parse(Json).RootElement.TryGetProperty(field, out var value)
                ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
    }

    private static List<JobState> States(string jobsDb, long from, string kind)
    {
        using var connection = Read(jobsDb);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.JobId, s.Name, s.CreatedAt, s.Data FROM State s JOIN Job j ON j.Id = s.JobId
            WHERE j.Id > $from AND j.InvocationData LIKE $kind
            """;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$kind", Pattern(kind));
        using var reader = command.ExecuteReader();
        var states = new List<JobState>();
        while (reader.Read())
            states.Add(new(reader.GetInt64(0), reader.GetString(1), new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        return states;
    }
}
