using Lab.Domain.Catalog;
using Lab.Domain.Instruments;

namespace Web.Instruments;

/// <summary>
/// Talks to one kind of instrument: starts a test on the sample and brings back what the instrument exported,
/// byte for byte. A real driver (serial port, instrument PC's export folder) and the simulated one look alike to the run job.
/// </summary>
public interface IInstrumentDriver
{
    InstrumentType Type { get; }

    /// <summary>
    /// Runs the method on the sample and returns the raw data. Throws <see cref="InstrumentUnavailableException"/> when
    /// the instrument cannot be reached (worth retrying) and <see cref="RunAbortedException"/> when the test was stopped
    /// (not retried automatically: the specimen may be spent).
    /// </summary>
    Task<RawCapture> CaptureAsync(DriverRequest request, CancellationToken ct);
}

/// <summary>A fault a simulated instrument acts out, so the run job's failure paths can be exercised.</summary>
public enum SimulatedFault { None, Offline, Aborted }

/// <summary>
/// What a driver needs for one run: which instrument, which method on which sample, the method's limit and unit as booked
/// (a simulator aims its data around them), a seed that makes simulated data repeatable, and an optional simulated fault.
/// </summary>
public sealed record DriverRequest(
    string InstrumentCode,
    string MethodCode,
    string SampleBarcode,
    SpecLimit Limit,
    string Unit,
    int Seed,
    SimulatedFault? Fault = null,
    string? SerialNumber = null);

/// <summary>
/// Raw data as the instrument exported it: the format's name (<see cref="Lab.Domain.Results.RawFormats"/>), the file's
/// bytes exactly, and its extension (".csv"). Store the bytes untouched; <see cref="RawDataParser"/> reads them.
/// </summary>
public sealed record RawCapture(string Format, byte[] Content, string FileExtension);
