namespace Lab.Domain.Results;

/// <summary>Apparent density from mass and dimensions (GB/T 6343 / ISO 845; HG/T 2872).</summary>
public static class Density
{
    /// <summary>Density in g/cm³ of a rectangular specimen: mass (g) over length × width × thickness (mm³ → cm³).</summary>
    public static double GramsPerCubicCentimetre(double massG, double lengthMm, double widthMm, double thicknessMm)
    {
        ForceCurves.Positive(massG, "specimen mass");
        var volumeCm3 = ForceCurves.Positive(lengthMm, "specimen length") * ForceCurves.Positive(widthMm, "specimen width")
            * ForceCurves.Positive(thicknessMm, "specimen thickness") / 1000;
        return massG / volumeCm3;
    }

    /// <summary>Density in kg/m³ (1 g/cm³ = 1000 kg/m³).</summary>
    public static double KilogramsPerCubicMetre(double massG, double lengthMm, double widthMm, double thicknessMm) =>
        GramsPerCubicCentimetre(massG, lengthMm, widthMm, thicknessMm) * 1000;

    /// <summary>The mean density (g/cm³) of the specimens.</summary>
    public static double MeanGramsPerCubicCentimetre(IReadOnlyCollection<DensitySpecimen> specimens)
    {
        ArgumentNullException.ThrowIfNull(specimens);
        if (specimens.Count == 0) throw new CalculationException("There is no density specimen.");
        return specimens.Average(s => GramsPerCubicCentimetre(s.Mass, s.Length, s.Width, s.Thickness));
    }
}
