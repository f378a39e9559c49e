namespace Lab.Domain.Results;

/// <summary>Shaft bending (JIS S 4020): residual deflection after the tip load is removed, as a share of the shaft length.</summary>
public static class ShaftBending
{
    public const string LoadPhase = "load";
    public const string RecoveryPhase = "recovery";

    /// <summary>Residual deflection in % of L: the last deflection of the recovery phase over the shaft length, × 100.</summary>
    public static double ResidualPercent(IReadOnlyList<DeflectionPoint> points, double shaftLengthMm)
    {
        ArgumentNullException.ThrowIfNull(points);
        ForceCurves.Positive(shaftLengthMm, "shaft length");
        var recovery = points.Where(p => string.Equals(p.Phase, RecoveryPhase, StringComparison.OrdinalIgnoreCase)).ToList();
        if (recovery.Count == 0) throw new CalculationException("The bending record has no recovery phase: the residual deflection was not measured.");
        return recovery[^1].Deflection / shaftLengthMm * 100;
    }
}
