namespace Lab.Domain.Results;

/// <summary>Compression set (GB/T 7759.1, ASTM D1056): how much of the imposed compression the specimen did not recover.</summary>
public static class CompressionSet
{
    /// <summary>(t₀ − t_r) / (t₀ − t_s) × 100 %: original t₀, spacer (compressed) t_s and recovered t_r thickness.</summary>
    public static double Percent(double original, double spacer, double recovered)
    {
        ForceCurves.Positive(original, "original thickness");
        ForceCurves.Positive(spacer, "spacer height");
        ForceCurves.Positive(recovered, "recovered thickness");
        if (spacer >= original) throw new CalculationException($"The spacer ({spacer} mm) is not thinner than the specimen ({original} mm): nothing was compressed.");
        return (original - recovered) / (original - spacer) * 100;
    }

    /// <summary>The median of the specimens' compression sets (GB/T 7759.1 reports the median of three).</summary>
    public static double Median(IReadOnlyCollection<CompressionSpecimen> specimens)
    {
        ArgumentNullException.ThrowIfNull(specimens);
        return ReadingStatistics.Median(specimens.Select(s => Percent(s.Original, s.Spacer, s.Recovered)).ToList());
    }
}
