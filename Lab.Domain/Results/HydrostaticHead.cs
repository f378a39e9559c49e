namespace Lab.Domain.Results;

/// <summary>Hydrostatic pressure of a fabric (GB/T 4744-2013): the water pressure when the third drop appears.</summary>
public static class HydrostaticHead
{
    public const int DropsThatEndTheTest = 3;

    /// <summary>The pressure (kPa) at the first point where the drop count reaches 3, for one specimen's ramp.</summary>
    public static double PressureAtThirdDrop(IEnumerable<PressurePoint> ramp)
    {
        ArgumentNullException.ThrowIfNull(ramp);
        var points = ramp.ToList();
        if (points.Count == 0) throw new CalculationException("A specimen's pressure ramp has no points.");
        foreach (var p in points)
            if (p.Drops >= DropsThatEndTheTest) return p.Pressure;
        throw new CalculationException(
            $"Specimen {points[0].Specimen}: the ramp ended at {points[^1].Pressure} kPa with {points[^1].Drops} drop(s), before the third drop.");
    }

    /// <summary>Each specimen's pressure at the third drop (in specimen order) and their mean, the sample's result.</summary>
    public static (double Mean, IReadOnlyList<double> Specimens) Evaluate(IReadOnlyList<PressurePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var specimens = points.GroupBy(p => p.Specimen).OrderBy(g => g.Key).Select(g => PressureAtThirdDrop(g)).ToList();
        if (specimens.Count == 0) throw new CalculationException("The hydrostatic record has no specimen.");
        return (specimens.Average(), specimens);
    }
}
