namespace Lab.Domain.Results;

/// <summary>
/// Content of a substance in the specimen (mg/kg) from its concentration in the extract, as read off an instrument's
/// calibration: formaldehyde (GB/T 2912.1, UV-Vis), aromatic amines (GB/T 17592, GC-MS), migratable elements
/// (GB 6675.4, ICP-OES).
/// </summary>
public static class ExtractContent
{
    /// <summary>c (mg/L) × V (mL) × dilution / m (g) = mg/kg: mg/L × L = mg in the extract, over kg of specimen.</summary>
    public static double MilligramsPerKilogram(double concentrationMgPerL, double extractVolumeMl, double specimenMassG, double dilutionFactor = 1)
    {
        if (!double.IsFinite(concentrationMgPerL) || concentrationMgPerL < 0)
            throw new CalculationException($"A concentration is a non-negative number; it is {concentrationMgPerL}.");
        return concentrationMgPerL * ForceCurves.Positive(extractVolumeMl, "extract volume") * ForceCurves.Positive(dilutionFactor, "dilution factor")
            / ForceCurves.Positive(specimenMassG, "specimen mass");
    }

    /// <summary>Each analyte's content (mg/kg), the mean over its replicates, in the order the analytes first appear.</summary>
    public static IReadOnlyList<(string Analyte, double Content)> Contents(IReadOnlyCollection<ConcentrationReading> readings,
        double extractVolumeMl, double specimenMassG, double dilutionFactor = 1)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0) throw new CalculationException("There is no concentration reading.");
        return readings
            .GroupBy(r => r.Analyte.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Average(r => MilligramsPerKilogram(r.Concentration, extractVolumeMl, specimenMassG, dilutionFactor))))
            .ToList();
    }
}
