using Lab.Domain.Catalog;
using Lab.Domain.Common;

namespace Lab.Domain.Instruments;

public enum RunStatus { Queued, Running, Completed, Failed }

/// <summary>Where a run's raw data comes from: an instrument driver (live or simulated) or a result file the instrument PC exported.</summary>
public enum RunSource { Driver, FileImport }

/// <summary>
/// One attempt of an instrument on an analysis: Queued → Running → Completed | Failed. The raw data is kept exactly as
/// captured (its SHA-256 recorded) and never overwritten; the job that performs the run takes its id and is
/// idempotent on it, so a retried job produces one result.
/// </summary>
public class Run
{
    public int Id { get; private set; }
    public int AnalysisId { get; private set; }
    public int InstrumentId { get; private set; }
    public string InstrumentCode { get; private set; } = "";
    public string MethodCode { get; private set; } = "";
    public string SampleBarcode { get; private set; } = "";
    public RunSource Source { get; private set; }
    public RunStatus Status { get; private set; } = RunStatus.Queued;
    public string StartedBy { get; private set; } = "";
    public DateTime QueuedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    /// <summary>Attempts made (a failed attempt is retried with backoff until the last one fails the run).</summary>
    public int Attempts { get; private set; }
    /// <summary>Why the last attempt failed (also while retrying).</summary>
    public string? Error { get; private set; }
    /// <summary>The raw data file, relative to the data folder's files/, named after its hash.</summary>
    public string? RawDataPath { get; private set; }
    public string? RawDataSha256 { get; private set; }
    public string? RawDataFormat { get; private set; }
    public long? RawDataBytes { get; private set; }
    public string? ImportFileName { get; private set; }
    public double? Value { get; private set; }
    public string? Unit { get; private set; }
    public Verdict? Verdict { get; private set; }
    /// <summary>The room's temperature (°C) and relative humidity (%RH) where the test ran, as the technician read them.</summary>
    public double? Temperature { get; private set; }
    public double? Humidity { get; private set; }

    public const double MinTemperature = -20, MaxTemperature = 60;

    private Run() { } // for EF

    public Run(int analysisId, Instrument instrument, TestMethod method, string sampleBarcode, RunSource source, string startedBy,
        DateTime queuedAt, DateOnly today)
    {
        if (analysisId <= 0) throw new DomainException("required", "A run belongs to a saved analysis.");
        instrument.EnsureCanRun(method, today);
        AnalysisId = analysisId;
        InstrumentId = instrument.Id;
        InstrumentCode = instrument.Code;
        MethodCode = method.Code;
        SampleBarcode = Guard.Text(sampleBarcode, nameof(sampleBarcode), 30);
        Source = source;
        StartedBy = Guard.Text(startedBy, nameof(startedBy));
        QueuedAt = Guard.Utc(queuedAt, nameof(queuedAt));
    }

    public bool IsFinished => Status is RunStatus.Completed or RunStatus.Failed;

    /// <summary>An attempt begins (the first, or a retry after a failed attempt).</summary>
    public void BeginAttempt(DateTime at)
    {
        if (IsFinished) throw new DomainException("run-finished", $"Run {Id} is {Status}: it does not run again.");
        Status = RunStatus.Running;
        StartedAt ??= at;
        Attempts++;
    }

    /// <summary>An attempt failed; the run stays Running while attempts remain (the job retries it).</summary>
    public void AttemptFailed(string error, bool lastAttempt, DateTime at)
    {
        if (Status != RunStatus.Running) throw new DomainException("run-not-running", $"Run {Id} is {Status}.");
        Error = Guard.Text(error, nameof(error), 2000);
        if (!lastAttempt) return;
        Status = RunStatus.Failed;
        FinishedAt = at;
    }

    /// <summary>
    /// The environmental conditions of the test (ISO/IEC 17025 7.8.3.1 a, printed on the report): either may be unknown.
    /// Recorded before the run finishes; a finished run's record is not rewritten.
    /// </summary>
    public void RecordConditions(double? temperature, double? humidity)
    {
        if (IsFinished) throw new DomainException("run-finished", $"Run {Id} is {Status}: its conditions are on record.");
        if (temperature is { } t && (!double.IsFinite(t) || t < MinTemperature || t > MaxTemperature))
            throw new DomainException("conditions-temperature", $"A room temperature of {t} °C is not plausible ({MinTemperature} to {MaxTemperature} °C).");
        if (humidity is { } h && (!double.IsFinite(h) || h < 0 || h > 100))
            throw new DomainException("conditions-humidity", $"A relative humidity of {h} % is not possible (0 to 100 %).");
        Temperature = temperature is { } tt ? Math.Round(tt, 1) : null;
        Humidity = humidity is { } hh ? Math.Round(hh, 1) : null;
    }

    /// <summary>Keeps the raw data as captured. Once stored it is never replaced.</summary>
    public void StoreRawData(string path, string sha256, string format, long bytes, string? importFileName)
    {
        if (RawDataSha256 is not null) throw new DomainException("run-raw-data-kept", $"Run {Id} already holds its raw data; it is never overwritten.");
        if (sha256 is not { Length: 64 } || !sha256.All(Uri.IsHexDigit)) throw new DomainException("run-raw-data-hash", "A SHA-256 is 64 hexadecimal digits.");
        RawDataPath = Guard.Text(path, nameof(path), 300);
        RawDataSha256 = sha256.ToLowerInvariant();
        RawDataFormat = Guard.Text(format, nameof(format), 40);
        RawDataBytes = bytes;
        ImportFileName = Guard.OptionalText(importFileName, nameof(importFileName), 260);
    }

    public void Complete(double value, string unit, Verdict verdict, DateTime at)
    {
        if (Status != RunStatus.Running) throw new DomainException("run-not-running", $"Run {Id} is {Status}: it cannot complete.");
        if (RawDataSha256 is null) throw new DomainException("run-no-raw-data", $"Run {Id} has no raw data: a result needs its original observations.");
        Value = value;
        Unit = unit;
        Verdict = verdict;
        Status = RunStatus.Completed;
        FinishedAt = at;
        Error = null;
    }
}
