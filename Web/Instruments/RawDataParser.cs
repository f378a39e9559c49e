using Lab.Domain.Results;

namespace Web.Instruments;

/// <summary>
/// Reads a raw-data file back into the record its calculation needs. A file that is not a valid file of its format
/// (empty, truncated, a wrong header or columns, a value that is not a number) throws <see cref="RawDataFormatException"/>
/// naming the line. Parsing is the exact inverse of <see cref="RawDataWriter"/>.
/// </summary>
public static class RawDataParser
{
    public static RawRecord Parse(RawCapture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        return Parse(capture.Format, capture.Content);
    }

    public static RawRecord Parse(string format, byte[] content)
    {
        if (!RawFormats.All.Contains(format)) throw new RawDataFormatException($"'{format}' is not a raw-data format LabLims reads.");
        var doc = RawCsvReader.Read(content, format);
        var (h, p) = (doc.Header, doc.Parameters);
        switch (format)
        {
            case RawFormats.ForceCurve:
                return new ForceCurve(h, p, Rows(doc, RawDataLayouts.ForceCurve, r => new ForcePoint(r.Number(0), r.Number(1), r.Number(2))));
            case RawFormats.WindRamp:
                return new WindRamp(h, p, Rows(doc, RawDataLayouts.WindRamp, r => new WindPoint(r.Number(0), r.Number(1), r.Text(2))));
            case RawFormats.CycleLog:
                return new CycleLog(h, p, Rows(doc, RawDataLayouts.CycleLog, r => new CycleEntry(r.Integer(0), r.Number(1), r.Number(2), r.Text(3))));
            case RawFormats.UvSpectrum:
            {
                var specimens = doc.Columns.Count - 1;
                if (specimens < 1) throw new RawDataFormatException("The spectrum has no specimen column.", doc.ColumnsLine);
                doc.ExpectColumns(RawDataLayouts.UvSpectrum(specimens));
                var wavelengths = doc.Rows.Select(r => r.Number(0)).ToValueList();
                var values = Enumerable.Range(1, specimens).Select(c => doc.Rows.Select(r => r.Number(c)).ToValueList()).ToValueList();
                return new UvSpectra(h, p, wavelengths, values);
            }
            case RawFormats.Hydrostatic:
                return new HydrostaticRamp(h, p, Rows(doc, RawDataLayouts.Hydrostatic,
                    r => new PressurePoint(r.Integer(0), r.Number(1), r.Number(2), r.Integer(3))));
            case RawFormats.Readings:
                return new ReadingSet(h, p, doc.Units[2], Rows(doc, RawDataLayouts.Readings, r => new Reading(r.Integer(0), r.Text(1), r.Number(2))));
            case RawFormats.Deflection:
                return new DeflectionLog(h, p, Rows(doc, RawDataLayouts.Deflection, r => new DeflectionPoint(r.Number(0), r.Text(1), r.Number(2))));
            case RawFormats.CompressionSet:
                return new CompressionSetData(h, p, Rows(doc, RawDataLayouts.CompressionSet,
                    r => new CompressionSpecimen(r.Text(0), r.Number(1), r.Number(2), r.Number(3))));
            case RawFormats.Density:
                return new DensityData(h, p, Rows(doc, RawDataLayouts.Density,
                    r => new DensitySpecimen(r.Text(0), r.Number(1), r.Number(2), r.Number(3), r.Number(4))));
            case RawFormats.DinAbrasion:
                return new DinAbrasionData(h, p, Rows(doc, RawDataLayouts.DinAbrasion,
                    r => new AbrasionSpecimen(r.Text(0), r.Text(1), r.Number(2), r.Number(3))));
            case RawFormats.Slip:
                return new SlipTrace(h, p, Rows(doc, RawDataLayouts.Slip, r => new FrictionPoint(r.Number(0), r.Number(1), r.Number(2))));
            case RawFormats.Concentration:
                return new ConcentrationData(h, p, Rows(doc, RawDataLayouts.Concentration,
                    r => new ConcentrationReading(r.Integer(0), r.Text(1), r.Number(2))));
            case RawFormats.RunLog:
                return new RunLog(h, p, Rows(doc, RawDataLayouts.RunLog, r => new RunEvent(r.Number(0), r.Text(1))));
            default:
                throw new RawDataFormatException($"'{format}' is not a raw-data format LabLims reads.");
        }
    }

    private static ValueList<T> Rows<T>(RawCsvReader doc, (string Name, string? Unit)[] columns, Func<RawCsvRow, T> read)
    {
        doc.ExpectColumns(columns);
        return doc.Rows.Select(read).ToValueList();
    }
}
