namespace Lab.Domain.Results;

/// <summary>Slip resistance of footwear (GB/T 3903.6, after ISO 13287): the dynamic coefficient of friction.</summary>
public static class SlipResistance
{
    /// <summary>
    /// Dynamic COF = mean friction force / mean normal force over the window from <paramref name="from"/> to
    /// <paramref name="to"/> seconds after sliding starts (0.3 s to 0.6 s in ISO 13287), which leaves out the static peak.
    /// </summary>
    public static double DynamicCoefficient(IReadOnlyList<FrictionPoint> points, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (!(from >= 0 && to > from)) throw new CalculationException($"The friction window {from}–{to} s is not a window.");
        var window = points.Where(p => p.Time >= from && p.Time <= to).ToList();
        if (window.Count == 0) throw new CalculationException($"No point lies between {from} and {to} s after the start of sliding.");
        var normal = window.Average(p => p.Normal);
        if (normal <= 0) throw new CalculationException("The normal force over the window is not positive: the shoe was not loaded.");
        return window.Average(p => p.Friction) / normal;
    }
}
