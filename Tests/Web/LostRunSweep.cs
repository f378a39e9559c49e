using Hangfire;
using Lab.Data;
using Lab.Domain.Instruments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tests.Infrastructure;
using Web.Infrastructure;
using Web.Instruments;

namespace Tests.Web;

/// <summary>
/// A run saved Queued whose job never reached Hangfire (the process stopped in between) is found by the sweep
/// (RunJobs.SweepLostAsync, every minute) once it has waited Instruments:LostRunAfter, enqueued again and performed
/// exactly once, however often the sweep runs meanwhile.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LostRunSweep(AppFixture fixture)
{
    [Fact]
    public async Task ARunWhoseJobWasLostIsPerformedOnceAfterTheSweep()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 1);
        using (var station = ScannerTestData.Station(fixture))
            await ScannerTestData.ScanAsync(station, new { barcode = barcodes[0], station = "desk", action = "receive" });

        // Started three minutes ago, its job lost: the run is saved, nothing is enqueued.
        int runId;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var analysisId = await db.Analyses.Where(a => a.MethodCode == "UMB-WIND" && db.Samples.Any(s => s.Id == a.SampleId && s.Barcode == barcodes[0]))
                .Select(a => a.Id).SingleAsync();
            var threeMinutesAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-3));
            var run = await new RunService(db, new LostJobs(), threeMinutesAgo, scope.ServiceProvider.GetRequiredService<DataPaths>())
                .StartAsync(analysisId, "WT-01", "station:test");
            runId = run.Id;
        }
        // Nothing runs it but a sweep (the app's recurring one may get to it first, within the minute).
        Assert.True((await RunAsync(runId)).Status is RunStatus.Queued or RunStatus.Running or RunStatus.Completed);

        // The sweep, twice in a row (the recurring one may run meanwhile too): one job, not two.
        for (var i = 0; i < 2; i++)
        {
            using var scope = fixture.App.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RunJobs>().SweepLostAsync();
        }

        Run done = null!;
        for (var i = 0; i < 100; i++)
        {
            done = await RunAsync(runId);
            if (done.IsFinished) break;
            await Task.Delay(200);
        }
        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal(1, done.Attempts);
        Assert.NotNull(done.RawDataSha256);

        // Once more after it completed: nothing to do.
        using (var scope = fixture.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<RunJobs>().SweepLostAsync();
        await Task.Delay(1000);
        var monitoring = fixture.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobsOfRun = monitoring.SucceededJobs(0, 500).Select(j => j.Value?.Job)
            .Concat(monitoring.EnqueuedJobs("default", 0, 500).Select(j => j.Value?.Job))
            .Concat(monitoring.ProcessingJobs(0, 500).Select(j => j.Value?.Job))
            .Count(j => j?.Type == typeof(RunJobs) && j.Method.Name == nameof(RunJobs.PerformAsync) && Convert.ToInt32(j.Args[0]) == runId);
        Assert.Equal(1, jobsOfRun);
        Assert.Equal(1, (await RunAsync(runId)).Attempts);
    }

    [Fact]
    public async Task ARecentlyQueuedRunIsLeftToItsJob()
    {
        using var scope = fixture.App.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<RunJobs>();
        Assert.Equal(TimeSpan.FromMinutes(2), jobs.LostRunAfter); // the default, documented in the README
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 1);
        using (var station = ScannerTestData.Station(fixture))
            await ScannerTestData.ScanAsync(station, new { barcode = barcodes[0], station = "desk", action = "receive" });
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var analysisId = await db.Analyses.Where(a => a.MethodCode == "UMB-WIND" && db.Samples.Any(s => s.Id == a.SampleId && s.Barcode == barcodes[0]))
            .Select(a => a.Id).SingleAsync();
        var run = await new RunService(db, new LostJobs(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<DataPaths>())
            .StartAsync(analysisId, "WT-01", "station:test");

        await jobs.SweepLostAsync();
        await Task.Delay(1500);

        Assert.Equal(RunStatus.Queued, (await RunAsync(run.Id)).Status);
    }

    private async Task<Run> RunAsync(int id)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LabDbContext>().Runs.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>The process stopped between saving the run and enqueuing its job: the job never reaches the storage.</summary>
    private sealed class LostJobs : IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => "lost";
        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => false;
    }
}
