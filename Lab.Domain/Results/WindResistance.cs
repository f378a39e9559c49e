namespace Lab.Domain.Results;

/// <summary>
/// The outcome of a wind test: the wind speed reported (m/s) — the speed at the first damage, or with no damage the
/// speed held — and whether the required speed was held for the hold time before any damage.
/// </summary>
public readonly record struct WindOutcome(double Speed, bool Passed, bool Damaged);

/// <summary>Wind resistance of umbrellas from a wind tunnel's speed record (GB/T 31895-2015; ASTM F3512 rating).</summary>
public static class WindResistance
{
    /// <summary>
    /// Pass/fail at a required speed held for a hold time (GB/T 31895: no broken or detached ribs, canopy not torn): passed
    /// when, before the first damage, the speed stayed at or above <paramref name="requiredSpeed"/> − <paramref name="tolerance"/>
    /// for <paramref name="holdSeconds"/> without a break.
    /// </summary>
    public static WindOutcome Evaluate(IReadOnlyList<WindPoint> points, double requiredSpeed, double holdSeconds, double tolerance)
    {
        Require(points);
        ForceCurves.Positive(requiredSpeed, "required speed");
        ForceCurves.Positive(holdSeconds, "hold time");
        if (tolerance < 0) throw new CalculationException("The speed tolerance cannot be negative.");
        var passed = HighestSustainedSpeed(points, holdSeconds) >= requiredSpeed - tolerance;
        var damage = FirstDamage(points);
        var speed = damage is { } d ? points[d].Speed : HighestMeanSpeed(points, holdSeconds) ?? points.Max(p => p.Speed);
        return new WindOutcome(speed, passed, damage is not null);
    }

    /// <summary>
    /// The highest speed held for <paramref name="holdSeconds"/> before the first damage: over every window of that length
    /// that ends before the damage, the lowest speed in it; the highest such value. Zero when no window fits.
    /// </summary>
    public static double HighestSustainedSpeed(IReadOnlyList<WindPoint> points, double holdSeconds)
    {
        Require(points);
        var best = 0.0;
        foreach (var window in Windows(points, holdSeconds))
            best = Math.Max(best, window.Min(p => p.Speed));
        return best;
    }

    /// <summary>Beaufort number of a wind speed (m/s), WMO scale: 4 = 5.5–7.9 m/s, 5 = 8.0–10.7 m/s...</summary>
    public static int BeaufortNumber(double speed)
    {
        if (!double.IsFinite(speed) || speed < 0) throw new CalculationException($"A wind speed is a non-negative number; it is {speed}.");
        var level = 0;
        while (level < BeaufortLowerBounds.Length && speed >= BeaufortLowerBounds[level]) level++;
        return level;
    }

    /// <summary>The Beaufort rating of a market umbrella: the highest level whose speed it held for the step time undamaged.</summary>
    public static int BeaufortRating(IReadOnlyList<WindPoint> points, double stepHoldSeconds) =>
        BeaufortNumber(HighestSustainedSpeed(points, stepHoldSeconds));

    /// <summary>Lower bounds (m/s) of Beaufort levels 1 to 12 (WMO).</summary>
    private static readonly double[] BeaufortLowerBounds = [0.3, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5, 32.7];

    private static int? FirstDamage(IReadOnlyList<WindPoint> points)
    {
        for (var i = 0; i < points.Count; i++)
            if (!string.IsNullOrWhiteSpace(points[i].Damage)) return i;
        return null;
    }

    private static double? HighestMeanSpeed(IReadOnlyList<WindPoint> points, double holdSeconds)
    {
        double? best = null;
        foreach (var window in Windows(points, holdSeconds))
        {
            var mean = window.Average(p => p.Speed);
            if (best is null || mean > best) best = mean;
        }
        return best;
    }

    /// <summary>Every window [tᵢ, tᵢ + hold] that the record covers and that closes before the first damage.</summary>
    private static IEnumerable<List<WindPoint>> Windows(IReadOnlyList<WindPoint> points, double holdSeconds)
    {
        ForceCurves.Positive(holdSeconds, "hold time");
        var damageAt = FirstDamage(points) is { } d ? points[d].Time : double.PositiveInfinity;
        var last = points[^1].Time;
        for (var i = 0; i < points.Count; i++)
        {
            var end = points[i].Time + holdSeconds;
            if (end > last || end >= damageAt) yield break;
            var window = new List<WindPoint>();
            for (var j = i; j < points.Count && points[j].Time <= end; j++) window.Add(points[j]);
            yield return window;
        }
    }

    private static void Require(IReadOnlyList<WindPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2) throw new CalculationException($"A wind record needs at least 2 points; it has {points.Count}.");
        for (var i = 1; i < points.Count; i++)
            if (points[i].Time <= points[i - 1].Time)
                throw new CalculationException($"The wind record's time does not increase at point {i + 1} ({points[i].Time} s).");
    }
}
