using System.Security.Cryptography;
using Hangfire;
using Hangfire.Server;
using Lab.Data;
using Lab.Domain.Catalog;
using Lab.Domain.Instruments;
using Lab.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;

namespace Web.Instruments;

/// <summary>
/// Performs one run: captures the instrument's raw data (kept byte for byte, named by its SHA-256), computes the
/// result, judges it under the request's decision rule and hands the analysis to review. Idempotent on the run id:
/// a finished run is not run again, and raw data already kept is reused, never captured twice. An unreachable
/// instrument is retried with backoff; after the last attempt, or when the test was aborted or its data cannot be
/// read, the run and the analysis show Failed with the reason, and the analysis can be run again.
/// </summary>
public sealed class RunJobs(LabDbContext db, InstrumentDrivers drivers, SimulatedFaults faults, DataPaths paths, TimeProvider clock,
    IBackgroundJobClient jobs, IConfiguration configuration, ILogger<RunJobs> logger, JobStorage? storage = null)
{
    /// <summary>How long a run may stay Queued with no job before the sweep enqueues it again (Instruments:LostRunAfter).</summary>
    public TimeSpan LostRunAfter => configuration.GetValue("Instruments:LostRunAfter", TimeSpan.FromMinutes(2));

    /// <summary>Attempts of an unreachable instrument, and the waits between them (Instruments:RetryDelays).</summary>
    private TimeSpan[] RetryDelays =>
        configuration.GetSection("Instruments:RetryDelays").Get<TimeSpan[]>() is { Length: > 0 } delays
            ? delays
            : [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)];

    // Unexpected errors (a database hiccup) are retried by Hangfire; an unreachable instrument is retried by the job
    // itself, each attempt recorded on the run so the page can say "retrying (attempt 2)".
    [AutomaticRetry(Attempts = 3)]
    [Queue("default")]
    public async Task PerformAsync(int runId, PerformContext? context)
    {
        // The run, its instrument and the analysis's limit and unit (what the driver needs) in one statement. Only the
        // run is tracked: the request is loaded, tracked, only to record the result, so the two saves before it do not
        // compare the request's whole graph of samples and analyses with its snapshot (bench/, jobs).
        if (await RunToPerform.For(db)(db, runId) is not { } loaded) return;
        var (run, instrument, planned) = (loaded.Run, loaded.Instrument, loaded.Analysis);
        if (run.IsFinished) return;
        db.Runs.Attach(run);
        run.BeginAttempt(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        try
        {
            var capture = run.RawDataPath is { } kept
                ? new RawCapture(run.RawDataFormat!, await File.ReadAllBytesAsync(Path.Combine(paths.Files, kept)), Path.GetExtension(kept))
                : await CaptureAndKeepAsync(run, instrument, planned);
            var result = ResultEngine.Compute(run.MethodCode, capture);
            var (request, analysis) = await RequestOfAsync(run);
            var now = clock.GetUtcNow().UtcDateTime;
            if (analysis.Limit.Kind == LimitKind.PassFail)
                request.RecordFinding(analysis, result.MeetsRequirement ?? throw new CalculationException($"{run.MethodCode} gave no finding."), run.StartedBy, now);
            else
                request.RecordResult(analysis, result.Value, run.StartedBy, now);
            run.Complete(analysis.ResultValue ?? result.Value, analysis.Unit, analysis.Verdict!.Value, now);
            await db.SaveChangesAsync();
        }
        catch (InstrumentUnavailableException ex)
        {
            var delays = RetryDelays;
            var lastAttempt = run.Attempts > delays.Length;
            await FailAttemptAsync(run, ex.Message, lastAttempt);
            logger.LogWarning("Run {Run} on {Instrument}: {Error} (attempt {Attempt})", run.Id, run.InstrumentCode, ex.Message, run.Attempts);
            if (!lastAttempt) jobs.Schedule<RunJobs>(j => j.PerformAsync(run.Id, null), delays[run.Attempts - 1]);
        }
        catch (Exception ex) when (ex is RunAbortedException or RawDataFormatException or CalculationException)
        {
            // Not worth retrying: the test was stopped, or its data cannot give a result. A person decides what next.
            await FailAttemptAsync(run, ex.Message, lastAttempt: true);
            logger.LogWarning("Run {Run} on {Instrument} failed: {Error}", run.Id, run.InstrumentCode, ex.Message);
        }
    }

    /// <summary>
    /// Finds runs whose job was lost: saved Queued, but the process stopped before their job was enqueued (or the job
    /// storage lost it). A run Queued for longer than <see cref="LostRunAfter"/> with no job enqueued, processing or
    /// scheduled for it is enqueued again; the job is idempotent on the run id, and a run whose job is merely waiting
    /// in a long queue is left alone, so it is never performed twice at once.
    /// </summary>
    [AutomaticRetry(Attempts = 0)] // it runs again within the minute anyway
    public async Task SweepLostAsync()
    {
        var before = clock.GetUtcNow().UtcDateTime - LostRunAfter;
        var stuck = await db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Queued && r.QueuedAt < before)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.QueuedAt }).Take(500).ToListAsync();
        if (stuck.Count == 0) return;
        // One sweep at a time (the recurring one, or one called directly): two could each enqueue the same run.
        using var connection = (storage ?? JobStorage.Current).GetConnection();
        using var sweeping = connection.AcquireDistributedLock("lablims:run-sweep", TimeSpan.FromSeconds(60));
        var live = LiveRunJobs();
        // Read again after the live jobs: a run whose job finished meanwhile is no longer Queued.
        var candidates = stuck.Where(r => !live.Contains(r.Id)).Select(r => r.Id).ToList();
        var stillQueued = await db.Runs.AsNoTracking().Where(r => candidates.Contains(r.Id) && r.Status == RunStatus.Queued)
            .Select(r => r.Id).ToListAsync();
        foreach (var run in stuck.Where(r => stillQueued.Contains(r.Id)))
        {
            var runId = run.Id;
            jobs.Enqueue<RunJobs>(j => j.PerformAsync(runId, null));
            logger.LogWarning("Run {Run} was queued at {QueuedAt:u} and has no job: enqueued again", runId, run.QueuedAt);
        }
    }

    /// <summary>The runs that have a job waiting, running or scheduled in Hangfire's storage.</summary>
    private HashSet<int> LiveRunJobs()
    {
        const int most = 20_000;
        var monitoring = (storage ?? JobStorage.Current).GetMonitoringApi();
        var queued = monitoring.Queues().SelectMany(q => monitoring.EnqueuedJobs(q.Name, 0, (int)Math.Min(most, monitoring.EnqueuedCount(q.Name)))
            .Select(j => j.Value?.Job));
        var processing = monitoring.ProcessingJobs(0, (int)Math.Min(most, monitoring.ProcessingCount())).Select(j => j.Value?.Job);
        var scheduled = monitoring.ScheduledJobs(0, (int)Math.Min(most, monitoring.ScheduledCount())).Select(j => j.Value?.Job);
        return queued.Concat(processing).Concat(scheduled)
            .Where(job => job?.Type == typeof(RunJobs) && job.Method.Name == nameof(PerformAsync) && job.Args.Count > 0 && job.Args[0] is not null)
            .Select(job => Convert.ToInt32(job!.Args[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    private sealed record RunAndParts(Run Run, Instrument Instrument, Lab.Domain.Requests.Analysis Analysis);

    /// <summary>The run with its instrument and analysis, untracked, in one compiled statement (null: no such run).</summary>
    private static readonly CompiledPerModel<Func<LabDbContext, int, Task<RunAndParts?>>> RunToPerform = new(() => EF.CompileAsyncQuery(
        (LabDbContext db, int runId) => (
            from r in db.Runs
            where r.Id == runId
            join i in db.Instruments on r.InstrumentId equals i.Id
            join a in db.Analyses on r.AnalysisId equals a.Id
            select new RunAndParts(r, i, a)).AsNoTracking().SingleOrDefault()));

    private async Task<(Lab.Domain.Requests.TestRequest Request, Lab.Domain.Requests.Analysis Analysis)> RequestOfAsync(Run run)
    {
        var request = await db.RequestToRecordResultAsync(run.AnalysisId)
            ?? throw new InvalidOperationException($"Analysis {run.AnalysisId} of run {run.Id} belongs to no request.");
        return (request, request.Samples.SelectMany(s => s.Analyses).Single(a => a.Id == run.AnalysisId));
    }

    private async Task<RawCapture> CaptureAndKeepAsync(Run run, Instrument instrument, Lab.Domain.Requests.Analysis analysis)
    {
        var driver = drivers.For(instrument.Type);
        var capture = await driver.CaptureAsync(new DriverRequest(instrument.Code, run.MethodCode, run.SampleBarcode, analysis.Limit,
            analysis.Unit, run.Id, faults.For(instrument.Code), instrument.SerialNumber), CancellationToken.None);
        var sha = Convert.ToHexStringLower(SHA256.HashData(capture.Content));
        var relative = Path.Combine("raw", $"{run.QueuedAt:yyyy}", $"{sha}{capture.FileExtension}");
        var full = Path.Combine(paths.Files, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Named by content: the same bytes are the same file; existing raw data is never overwritten.
        // Written synchronously and unbuffered: a local file of a few kilobytes, where FileStream's async path only added
        // a thread-pool hop and a buffer flush per run.
        if (!File.Exists(full))
        {
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
            stream.Write(capture.Content);
        }
        run.StoreRawData(relative, sha, capture.Format, capture.Content.LongLength, null);
        await db.SaveChangesAsync();
        return capture;
    }

    private async Task FailAttemptAsync(Run run, string error, bool lastAttempt)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        run.AttemptFailed(error, lastAttempt, now);
        if (lastAttempt)
        {
            var (request, analysis) = await RequestOfAsync(run);
            if (analysis.Status == Lab.Domain.Requests.AnalysisStatus.Running) request.FailAnalysis(analysis, error);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
