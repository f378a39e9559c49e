namespace Lab.Domain.Results;

/// <summary>
/// The raw-data formats the lab's instruments export (and the simulated drivers produce). A name carries a version:
/// a changed layout gets a new number, so a file kept with a run is always read the way it was written.
/// </summary>
public static class RawFormats
{
    public const string ForceCurve = "lablims-force-curve/1";
    public const string WindRamp = "lablims-wind-ramp/1";
    public const string CycleLog = "lablims-cycle-log/1";
    public const string UvSpectrum = "lablims-uv-spectrum/1";
    public const string Hydrostatic = "lablims-hydrostatic/1";
    public const string Readings = "lablims-readings/1";
    public const string Deflection = "lablims-deflection/1";
    public const string CompressionSet = "lablims-compression-set/1";
    public const string Density = "lablims-density/1";
    public const string DinAbrasion = "lablims-din-abrasion/1";
    public const string Slip = "lablims-slip/1";
    public const string Concentration = "lablims-concentration/1";
    /// <summary>An instrument's log of a run whose result a person reads (grey-scale grades, visual inspections).</summary>
    public const string RunLog = "lablims-run-log/1";

    public static IReadOnlyList<string> All { get; } =
    [
        ForceCurve, WindRamp, CycleLog, UvSpectrum, Hydrostatic, Readings, Deflection, CompressionSet, Density,
        DinAbrasion, Slip, Concentration, RunLog,
    ];
}

/// <summary>
/// Who produced the raw data, for what, and when (UTC). No operator: the run records who started it, and
/// personal names have no place in an instrument file that may be sent to a customer.
/// </summary>
public sealed record RawHeader(string Instrument, string Serial, string Method, string Sample, DateTime Timestamp);

/// <summary>A setting or measured constant of the test (specimen width 10.0 mm, target load 540 N...).</summary>
public sealed record RawParameter(string Name, double Value, string Unit);

/// <summary>A parsed raw-data file: its header, its parameters and its data rows (in the subtype).</summary>
public abstract record RawRecord(RawHeader Header, ValueList<RawParameter> Parameters)
{
    public abstract string Format { get; }

    /// <summary>The parameter's value; the calculation cannot go on without it, in exactly this unit.</summary>
    public double Parameter(string name, string unit)
    {
        var p = Parameters.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CalculationException($"The raw data has no parameter '{name}' ({unit}), which the calculation needs.");
        if (!string.Equals(p.Unit, unit, StringComparison.Ordinal))
            throw new CalculationException($"Parameter '{name}' is in '{p.Unit}'; the calculation needs it in '{unit}'.");
        if (!double.IsFinite(p.Value)) throw new CalculationException($"Parameter '{name}' is not a finite number.");
        return p.Value;
    }

    public double PositiveParameter(string name, string unit)
    {
        var value = Parameter(name, unit);
        return value > 0 ? value : throw new CalculationException($"Parameter '{name}' must be greater than zero; it is {value}.");
    }
}

/// <summary>Universal testing machine: time (s), crosshead displacement (mm), force (N).</summary>
public readonly record struct ForcePoint(double Time, double Displacement, double Force);

public sealed record ForceCurve(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<ForcePoint> Points)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.ForceCurve;
}

/// <summary>Wind tunnel: time (s), wind speed at the umbrella (m/s), and the damage seen at that moment (empty when none).</summary>
public readonly record struct WindPoint(double Time, double Speed, string Damage);

public sealed record WindRamp(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<WindPoint> Points)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.WindRamp;
}

/// <summary>Open/close endurance tester: one row per cycle, with the times to open and to close and "OK" or the fault.</summary>
public readonly record struct CycleEntry(int Cycle, double OpenTime, double CloseTime, string Status);

public sealed record CycleLog(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<CycleEntry> Cycles)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.CycleLog;
}

/// <summary>
/// UV spectrophotometer: transmittance (%) of each specimen at each wavelength (nm).
/// <see cref="Specimens"/>[i][j] is specimen i at <see cref="Wavelengths"/>[j].
/// </summary>
public sealed record UvSpectra(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<double> Wavelengths,
    ValueList<ValueList<double>> Specimens) : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.UvSpectrum;
}

/// <summary>Hydrostatic head tester: per specimen, time (s), water pressure (kPa) and the drops counted so far.</summary>
public readonly record struct PressurePoint(int Specimen, double Time, double Pressure, int Drops);

public sealed record HydrostaticRamp(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<PressurePoint> Points)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.Hydrostatic;
}

/// <summary>A single reading where it was taken (durometer point, rib, extract, crack...).</summary>
public readonly record struct Reading(int No, string Position, double Value);

/// <summary>Readings of one quantity in one <see cref="Unit"/> (Shore A, mm, N, pH).</summary>
public sealed record ReadingSet(RawHeader Header, ValueList<RawParameter> Parameters, string Unit, ValueList<Reading> Readings)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.Readings;
}

/// <summary>Shaft bending rig: time (s), phase ("load" or "recovery") and tip deflection (mm).</summary>
public readonly record struct DeflectionPoint(double Time, string Phase, double Deflection);

public sealed record DeflectionLog(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<DeflectionPoint> Points)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.Deflection;
}

/// <summary>Compression set: original thickness, spacer (compressed) height and recovered thickness, in mm.</summary>
public readonly record struct CompressionSpecimen(string Specimen, double Original, double Spacer, double Recovered);

public sealed record CompressionSetData(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<CompressionSpecimen> Specimens)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.CompressionSet;
}

/// <summary>Density: mass (g) and length, width, thickness (mm) of a specimen.</summary>
public readonly record struct DensitySpecimen(string Specimen, double Mass, double Length, double Width, double Thickness);

public sealed record DensityData(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<DensitySpecimen> Specimens)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.Density;
}

/// <summary>DIN abrader: mass (g) before and after abrasion of a test or reference specimen.</summary>
public readonly record struct AbrasionSpecimen(string Specimen, string Kind, double MassBefore, double MassAfter);

public sealed record DinAbrasionData(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<AbrasionSpecimen> Specimens)
    : RawRecord(Header, Parameters)
{
    public const string Test = "Test";
    public const string Reference = "Reference";

    public override string Format => RawFormats.DinAbrasion;
}

/// <summary>Slip tester: time from the start of sliding (s), normal force and friction force (N).</summary>
public readonly record struct FrictionPoint(double Time, double Normal, double Friction);

public sealed record SlipTrace(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<FrictionPoint> Points)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.Slip;
}

/// <summary>A concentration (mg/L) of one analyte in one replicate's extract, read off the instrument's calibration.</summary>
public readonly record struct ConcentrationReading(int Replicate, string Analyte, double Concentration);

public sealed record ConcentrationData(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<ConcentrationReading> Readings)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.Concentration;
}

/// <summary>An event in an instrument's run log: elapsed time (s) and what happened.</summary>
public readonly record struct RunEvent(double Time, string Event);

public sealed record RunLog(RawHeader Header, ValueList<RawParameter> Parameters, ValueList<RunEvent> Events)
    : RawRecord(Header, Parameters)
{
    public override string Format => RawFormats.RunLog;
}
