using Lab.Domain.Results;
using static Web.Instruments.RawCsvWriter;

namespace Web.Instruments;

/// <summary>Writes a raw record as its format's file (the simulated drivers' export; <see cref="RawDataParser"/> is the inverse).</summary>
public static class RawDataWriter
{
    public static byte[] Write(RawRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (record)
        {
            case ForceCurve r:
                return Table(r, RawDataLayouts.ForceCurve, r.Points, p => [Number(p.Time), Number(p.Displacement), Number(p.Force)]);
            case WindRamp r:
                return Table(r, RawDataLayouts.WindRamp, r.Points, p => [Number(p.Time), Number(p.Speed), p.Damage ?? ""]);
            case CycleLog r:
                return Table(r, RawDataLayouts.CycleLog, r.Cycles, c => [Integer(c.Cycle), Number(c.OpenTime), Number(c.CloseTime), c.Status ?? ""]);
            case UvSpectra r:
            {
                if (r.Specimens.Count == 0 || r.Specimens.Any(s => s.Count != r.Wavelengths.Count))
                    throw new ArgumentException("Every specimen has one transmittance per wavelength.", nameof(record));
                var rows = Enumerable.Range(0, r.Wavelengths.Count).ToList();
                return Table(r, RawDataLayouts.UvSpectrum(r.Specimens.Count), rows,
                    j => [Number(r.Wavelengths[j]), .. r.Specimens.Select(s => Number(s[j]))]);
            }
            case HydrostaticRamp r:
                return Table(r, RawDataLayouts.Hydrostatic, r.Points, p => [Integer(p.Specimen), Number(p.Time), Number(p.Pressure), Integer(p.Drops)]);
            case ReadingSet r:
                return Table(r, RawDataLayouts.Readings, r.Readings, x => [Integer(x.No), x.Position ?? "", Number(x.Value)], r.Unit);
            case DeflectionLog r:
                return Table(r, RawDataLayouts.Deflection, r.Points, p => [Number(p.Time), p.Phase ?? "", Number(p.Deflection)]);
            case CompressionSetData r:
                return Table(r, RawDataLayouts.CompressionSet, r.Specimens, s => [s.Specimen ?? "", Number(s.Original), Number(s.Spacer), Number(s.Recovered)]);
            case DensityData r:
                return Table(r, RawDataLayouts.Density, r.Specimens,
                    s => [s.Specimen ?? "", Number(s.Mass), Number(s.Length), Number(s.Width), Number(s.Thickness)]);
            case DinAbrasionData r:
                return Table(r, RawDataLayouts.DinAbrasion, r.Specimens, s => [s.Specimen ?? "", s.Kind ?? "", Number(s.MassBefore), Number(s.MassAfter)]);
            case SlipTrace r:
                return Table(r, RawDataLayouts.Slip, r.Points, p => [Number(p.Time), Number(p.Normal), Number(p.Friction)]);
            case ConcentrationData r:
                return Table(r, RawDataLayouts.Concentration, r.Readings, x => [Integer(x.Replicate), x.Analyte ?? "", Number(x.Concentration)]);
            case RunLog r:
                return Table(r, RawDataLayouts.RunLog, r.Events, e => [Number(e.Time), e.Event ?? ""]);
            default:
                throw new ArgumentException($"No file layout for {record.GetType().Name}.", nameof(record));
        }
    }

    private static byte[] Table<T>(RawRecord record, (string Name, string? Unit)[] columns, IEnumerable<T> rows, Func<T, string[]> cells,
        string? unit = null)
    {
        var writer = new RawCsvWriter(record.Format, record.Header, record.Parameters, RawDataLayouts.WithUnit(columns, unit));
        foreach (var row in rows) writer.Row(cells(row));
        return writer.Finish();
    }
}
