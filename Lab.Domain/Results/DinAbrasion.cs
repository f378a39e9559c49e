namespace Lab.Domain.Results;

/// <summary>Relative volume loss on the DIN rotary drum abrader (ISO 4649 / GB/T 9867, method A; QB/T 2884 requirement).</summary>
public static class DinAbrasion
{
    /// <summary>Δm_const: the defined mass loss (mg) of the reference compound that relative volume loss is normalized to.</summary>
    public const double ReferenceDefinedLossMg = 200;

    /// <summary>
    /// ΔV_rel (mm³) = Δm_t · Δm_const / (ρ_t · Δm_r): the test rubber's mass loss Δm_t (mg) scaled by how much the reference
    /// compound lost on the same abrasive sheet, Δm_r (mg), against its defined loss, and turned into volume with the test
    /// rubber's density ρ_t (g/cm³ = mg/mm³).
    /// </summary>
    public static double RelativeVolumeLoss(double testLossMg, double testDensity, double referenceLossMg) =>
        ForceCurves.Positive(testLossMg, "test mass loss") * ReferenceDefinedLossMg
        / (ForceCurves.Positive(testDensity, "test density") * ForceCurves.Positive(referenceLossMg, "reference mass loss"));

    /// <summary>From specimen weighings (g): the mean loss of the test specimens and of the reference specimens, in mg.</summary>
    public static double RelativeVolumeLoss(IReadOnlyCollection<AbrasionSpecimen> specimens, double testDensity)
    {
        ArgumentNullException.ThrowIfNull(specimens);
        return RelativeVolumeLoss(MeanLossMg(specimens, DinAbrasionData.Test), testDensity, MeanLossMg(specimens, DinAbrasionData.Reference));
    }

    private static double MeanLossMg(IReadOnlyCollection<AbrasionSpecimen> specimens, string kind)
    {
        var of = specimens.Where(s => string.Equals(s.Kind, kind, StringComparison.OrdinalIgnoreCase)).ToList();
        if (of.Count == 0) throw new CalculationException($"There is no {kind.ToLowerInvariant()} specimen.");
        return of.Average(s => (s.MassBefore - s.MassAfter) * 1000);
    }
}
