using Lab.Domain.Results;

namespace Web.Instruments;

/// <summary>The data columns of each format: name and unit (null: the unit is the file's, e.g. a reading's scale).</summary>
internal static class RawDataLayouts
{
    public static readonly (string Name, string? Unit)[] ForceCurve = [("Time", "s"), ("Displacement", "mm"), ("Force", "N")];
    public static readonly (string Name, string? Unit)[] WindRamp = [("Time", "s"), ("Speed", "m/s"), ("Damage", "")];
    public static readonly (string Name, string? Unit)[] CycleLog = [("Cycle", ""), ("Open time", "s"), ("Close time", "s"), ("Status", "")];
    public static readonly (string Name, string? Unit)[] Hydrostatic = [("Specimen", ""), ("Time", "s"), ("Pressure", "kPa"), ("Drops", "")];
    public static readonly (string Name, string? Unit)[] Readings = [("No", ""), ("Position", ""), ("Value", null)];
    public static readonly (string Name, string? Unit)[] Deflection = [("Time", "s"), ("Phase", ""), ("Deflection", "mm")];
    public static readonly (string Name, string? Unit)[] CompressionSet =
        [("Specimen", ""), ("Original thickness", "mm"), ("Spacer height", "mm"), ("Recovered thickness", "mm")];
    public static readonly (string Name, string? Unit)[] Density =
        [("Specimen", ""), ("Mass", "g"), ("Length", "mm"), ("Width", "mm"), ("Thickness", "mm")];
    public static readonly (string Name, string? Unit)[] DinAbrasion = [("Specimen", ""), ("Kind", ""), ("Mass before", "g"), ("Mass after", "g")];
    public static readonly (string Name, string? Unit)[] Slip = [("Time", "s"), ("Normal force", "N"), ("Friction force", "N")];
    public static readonly (string Name, string? Unit)[] Concentration = [("Replicate", ""), ("Analyte", ""), ("Concentration", "mg/L")];
    public static readonly (string Name, string? Unit)[] RunLog = [("Time", "s"), ("Event", "")];

    /// <summary>The UV spectrum's columns: the wavelength, then one transmittance column per specimen.</summary>
    public static (string Name, string? Unit)[] UvSpectrum(int specimens) =>
        [("Wavelength", "nm"), .. Enumerable.Range(1, specimens).Select(i => ($"Specimen {i}", (string?)"%"))];

    public static (string Name, string Unit)[] WithUnit((string Name, string? Unit)[] columns, string? unit = null) =>
        columns.Select(c => (c.Name, c.Unit ?? unit ?? throw new ArgumentException($"Column {c.Name} needs a unit."))).ToArray();
}
