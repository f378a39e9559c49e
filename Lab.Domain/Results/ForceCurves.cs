namespace Lab.Domain.Results;

/// <summary>The outcome of a hold test: the load reported and whether it was held for the whole hold time.</summary>
public readonly record struct HoldOutcome(double Load, bool Held);

/// <summary>Results from a force–displacement (force–time) curve of a universal testing machine.</summary>
public static class ForceCurves
{
    /// <summary>Maximum force (N): breaking force of a strip (GB/T 3923.1), peak load of a frame.</summary>
    public static double PeakForce(IReadOnlyList<ForcePoint> points)
    {
        Require(points, 2);
        var peak = double.MinValue;
        foreach (var p in points) peak = Math.Max(peak, p.Force);
        return peak;
    }

    /// <summary>
    /// Mean force (N) over the plateau of a peel: the points whose displacement lies in the middle of the travel, from
    /// <paramref name="from"/> to <paramref name="to"/> of it (10 % – 90 % by default), which leaves out the toe where the
    /// peel starts and the end where the specimen comes apart.
    /// </summary>
    public static double PlateauForce(IReadOnlyList<ForcePoint> points, double from = 0.1, double to = 0.9)
    {
        Require(points, 2);
        if (!(from >= 0 && from < to && to <= 1)) throw new ArgumentOutOfRangeException(nameof(from), "The plateau is a part of the travel: 0 ≤ from < to ≤ 1.");
        var start = points.Min(p => p.Displacement);
        var end = points.Max(p => p.Displacement);
        var travel = end - start;
        if (travel <= 0) throw new CalculationException("The crosshead did not move: there is no travel to peel over.");
        var (low, high) = (start + from * travel, start + to * travel);
        var plateau = points.Where(p => p.Displacement >= low && p.Displacement <= high).ToList();
        if (plateau.Count == 0) throw new CalculationException("No point lies on the plateau of the peel.");
        return plateau.Average(p => p.Force);
    }

    /// <summary>Peel (bond) strength in N/cm: plateau force over the specimen width (GB/T 3903.3, QB/T 2886).</summary>
    public static double PeelStrength(IReadOnlyList<ForcePoint> points, double widthMm, double from = 0.1, double to = 0.9) =>
        PlateauForce(points, from, to) / Positive(widthMm, "specimen width") * 10;

    /// <summary>Tensile strength in MPa (N/mm²): maximum force over the specimen's cross-section (GB/T 528, GB/T 10654).</summary>
    public static double TensileStrength(IReadOnlyList<ForcePoint> points, double widthMm, double thicknessMm) =>
        PeakForce(points) / (Positive(widthMm, "specimen width") * Positive(thicknessMm, "specimen thickness"));

    /// <summary>Shear strength in kPa: maximum force over the overlap area (hook-and-loop, GB/T 3903.21).</summary>
    public static double ShearStrength(IReadOnlyList<ForcePoint> points, double overlapAreaMm2) =>
        PeakForce(points) / Positive(overlapAreaMm2, "overlap area") * 1000;

    /// <summary>
    /// A static pull held for a time (handle pull-off, JUPA): the load counts as reached at the first point within
    /// <paramref name="tolerance"/> (N) of <paramref name="target"/>, and as held when no point in the following
    /// <paramref name="holdSeconds"/> falls below target − tolerance. Held: the mean load over the hold. Not held (the
    /// part came off, or the target was never reached): the highest load it carried.
    /// </summary>
    public static HoldOutcome Hold(IReadOnlyList<ForcePoint> points, double target, double holdSeconds, double tolerance)
    {
        Require(points, 2);
        Positive(target, "target load");
        Positive(holdSeconds, "hold time");
        if (tolerance < 0 || tolerance >= target) throw new CalculationException("The load tolerance must be at least 0 and below the target load.");
        var floor = target - tolerance;
        var reached = -1;
        for (var i = 0; i < points.Count; i++)
            if (points[i].Force >= floor) { reached = i; break; }
        if (reached < 0) return new HoldOutcome(PeakForce(points), false);

        var end = points[reached].Time + holdSeconds;
        if (points[^1].Time < end && points.Skip(reached).All(p => p.Force >= floor))
            throw new CalculationException($"The record ends at {points[^1].Time} s, before the {holdSeconds} s hold that began at {points[reached].Time} s was over.");
        var window = points.Skip(reached).TakeWhile(p => p.Time <= end).ToList();
        return window.All(p => p.Force >= floor)
            ? new HoldOutcome(window.Average(p => p.Force), true)
            : new HoldOutcome(PeakForce(points), false);
    }

    private static void Require(IReadOnlyList<ForcePoint> points, int atLeast)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < atLeast) throw new CalculationException($"A force curve needs at least {atLeast} points; it has {points.Count}.");
    }

    internal static double Positive(double value, string what) =>
        double.IsFinite(value) && value > 0 ? value : throw new CalculationException($"The {what} must be greater than zero; it is {value}.");
}
