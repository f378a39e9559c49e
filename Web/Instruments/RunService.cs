using Hangfire;
using Lab.Data;
using Lab.Domain.Common;
using Lab.Domain.Instruments;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;

namespace Web.Instruments;

/// <summary>
/// Starting an instrument run: the sample must be received, the instrument in service, calibrated and of the
/// method's type (the domain refuses otherwise); the run record is saved, then a job performs it.
/// </summary>
public sealed class RunService(LabDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Lang.LabTimeZone));

    public async Task<Run> StartAsync(int analysisId, string instrumentCode, string by)
    {
        var request = await db.TestRequests.Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Samples.Any(s => s.Analyses.Any(a => a.Id == analysisId)))
            ?? throw new DomainException("analysis-unknown", $"There is no analysis {analysisId}.");
        var sample = request.Samples.Single(s => s.Analyses.Any(a => a.Id == analysisId));
        var analysis = sample.Analyses.Single(a => a.Id == analysisId);
        var instrument = await db.Instruments.SingleOrDefaultAsync(i => i.Code == instrumentCode.Trim().ToUpper())
            ?? throw new DomainException("instrument-unknown", $"There is no instrument {instrumentCode}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new Run(analysis.Id, instrument, analysis.Method!, sample.Barcode!, RunSource.Driver, by, now, Today);
        request.StartAnalysis(analysis, now);
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        jobs.Enqueue<RunJobs>(j => j.PerformAsync(run.Id, null));
        return run;
    }

    /// <summary>The analyses waiting for this sample (or specimen's sample) that the instrument's type can run.</summary>
    public async Task<(TestRequest? Request, Sample? Sample, IReadOnlyList<Analysis> Analyses)> RunnableAsync(string sampleBarcode, Instrument instrument)
    {
        var request = await db.TestRequests.AsNoTracking().Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Samples.Any(s => s.Barcode == sampleBarcode));
        var sample = request?.Samples.Single(s => s.Barcode == sampleBarcode);
        var analyses = sample?.CurrentAnalyses.Where(a => a.Method!.InstrumentType == instrument.Type
            && a.Status is AnalysisStatus.Pending or AnalysisStatus.Failed).ToList() ?? [];
        return (request, sample, analyses);
    }
}

/// <summary>Faults the simulated instruments act out, per instrument code (configuration or, in tests, at run time).</summary>
public sealed class SimulatedFaults
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SimulatedFault> _faults = new(StringComparer.OrdinalIgnoreCase);

    public SimulatedFaults(IConfiguration configuration)
    {
        foreach (var child in configuration.GetSection("Instruments:SimulatedFaults").GetChildren())
            if (Enum.TryParse<SimulatedFault>(child.Value, true, out var fault)) _faults[child.Key] = fault;
    }

    public SimulatedFault? For(string instrumentCode) => _faults.TryGetValue(instrumentCode, out var f) && f != SimulatedFault.None ? f : null;

    public void Set(string instrumentCode, SimulatedFault fault) => _faults[instrumentCode] = fault;
}
