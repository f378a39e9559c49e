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
public sealed class RunService(LabDbContext db, IBackgroundJobClient jobs, TimeProvider clock, DataPaths paths)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Lang.LabTimeZone));

    /// <param name="temperature">The room's temperature (°C) as the technician read it, when given.</param>
    /// <param name="humidity">The room's relative humidity (%RH), when given.</param>
    public async Task<Run> StartAsync(int analysisId, string instrumentCode, string by, double? temperature = null, double? humidity = null)
    {
        var request = await db.RequestOwningAnalysis(analysisId).SingleOrDefaultAsync()
            ?? throw new DomainException("analysis-unknown", $"There is no analysis {analysisId}.");
        var sample = request.Samples.Single(s => s.Analyses.Any(a => a.Id == analysisId));
        var analysis = sample.Analyses.Single(a => a.Id == analysisId);
        var instrument = await db.Instruments.SingleOrDefaultAsync(i => i.Code == instrumentCode.Trim().ToUpper())
            ?? throw new DomainException("instrument-unknown", $"There is no instrument {instrumentCode}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new Run(analysis.Id, instrument, analysis.Method!, sample.Barcode!, RunSource.Driver, by, now, Today);
        run.RecordConditions(temperature, humidity);
        request.StartAnalysis(analysis, now);
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        jobs.Enqueue<RunJobs>(j => j.PerformAsync(run.Id, null));
        return run;
    }

    /// <summary>
    /// The conditions last recorded at this instrument in the lab's today (to offer them again at its station), or
    /// nulls when none were.
    /// </summary>
    public async Task<(double? Temperature, double? Humidity)> LastConditionsAsync(int instrumentId)
    {
        var since = TimeZoneInfo.ConvertTimeToUtc(Today.ToDateTime(TimeOnly.MinValue), Lang.LabTimeZone);
        var last = await db.Runs.AsNoTracking()
            .Where(r => r.InstrumentId == instrumentId && r.QueuedAt >= since && (r.Temperature != null || r.Humidity != null))
            .OrderByDescending(r => r.QueuedAt).Select(r => new { r.Temperature, r.Humidity }).FirstOrDefaultAsync();
        return (last?.Temperature, last?.Humidity);
    }

    /// <summary>
    /// A result file exported by an instrument PC: its header names the instrument, method and sample. The file is
    /// kept exactly as received and goes through the same job as a driver's capture. The same file twice gives one
    /// result (the existing run); a file that cannot be read is refused with the reason and kept for inspection.
    /// </summary>
    public async Task<(Run Run, bool Duplicate)> ImportAsync(string instrumentCode, byte[] content, string? fileName, string by)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var existing = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.RawDataSha256 == sha && r.Source == RunSource.FileImport);
        if (existing is not null) return (existing, true);

        Lab.Domain.Results.RawRecord record;
        string format;
        try
        {
            var firstLine = System.Text.Encoding.UTF8.GetString(content.AsSpan(0, Math.Min(content.Length, 200))).Split('\n')[0].Trim().TrimStart('\uFEFF');
            format = firstLine.StartsWith("Format,", StringComparison.Ordinal) ? firstLine["Format,".Length..].Trim()
                : throw new RawDataFormatException("The file does not start with its Format line.", 1);
            record = RawDataParser.Parse(format, content);
        }
        catch (RawDataFormatException ex)
        {
            await KeepRejectedAsync(content, sha);
            throw new DomainException("import-unreadable", ex.Message);
        }
        if (!string.Equals(record.Header.Instrument, instrumentCode, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("import-wrong-instrument", $"The file comes from {record.Header.Instrument}, not {instrumentCode}.");

        var barcode = Lab.Domain.Numbering.Numbers.ReadSampleBarcode(record.Header.Sample);
        if (!barcode.IsValid) throw new DomainException("import-sample", $"'{record.Header.Sample}' in the file is not a valid sample barcode.");
        var analysisId = await db.Analyses.Where(a => a.MethodCode == record.Header.Method && a.Status != AnalysisStatus.Retracted
                && db.Samples.Any(s => s.Id == a.SampleId && s.Barcode == barcode.Barcode))
            .OrderByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync()
            ?? throw new DomainException("import-no-analysis", $"Sample {barcode.Barcode} has no {record.Header.Method} analysis.");

        var request = await db.RequestOwningAnalysis(analysisId).SingleAsync();
        var analysis = request.Samples.SelectMany(s => s.Analyses).Single(a => a.Id == analysisId);
        var instrument = await db.Instruments.SingleOrDefaultAsync(i => i.Code == instrumentCode.ToUpper())
            ?? throw new DomainException("instrument-unknown", $"There is no instrument {instrumentCode}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new Run(analysis.Id, instrument, analysis.Method!, barcode.Barcode!, RunSource.FileImport, by, now, Today);
        request.StartAnalysis(analysis, now);
        var relative = Path.Combine("raw", $"{now:yyyy}", $"{sha}.csv");
        var full = Path.Combine(paths.Files, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (!File.Exists(full)) await File.WriteAllBytesAsync(full, content);
        run.StoreRawData(relative, sha, format, content.LongLength, fileName);
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        jobs.Enqueue<RunJobs>(j => j.PerformAsync(run.Id, null));
        return (run, false);
    }

    private async Task KeepRejectedAsync(byte[] content, string sha)
    {
        var full = Path.Combine(paths.Files, "import-rejected", $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{sha[..12]}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content);
    }

    /// <summary>The analyses waiting for this sample (or specimen's sample) that the instrument's type can run.</summary>
    public async Task<(TestRequest? Request, Sample? Sample, IReadOnlyList<Analysis> Analyses)> RunnableAsync(string sampleBarcode, Instrument instrument)
    {
        var request = await db.RequestOwningSample(sampleBarcode).AsNoTracking().SingleOrDefaultAsync();
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
