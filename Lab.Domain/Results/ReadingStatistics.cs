namespace Lab.Domain.Results;

/// <summary>How several readings of one quantity become the reported value.</summary>
public static class ReadingStatistics
{
    public static double Mean(IReadOnlyCollection<double> values) => Require(values).Average();

    /// <summary>The middle reading, or the mean of the two middle ones (durometer: GB/T 531.1 reports the median).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = Require(values).Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double Max(IReadOnlyCollection<double> values) => Require(values).Max();

    public static double Min(IReadOnlyCollection<double> values) => Require(values).Min();

    /// <summary>The deviation from <paramref name="declared"/> that is largest in size, with its sign (−3 for 3 mm short).</summary>
    public static double WorstDeviation(IReadOnlyCollection<double> values, double declared)
    {
        var worst = 0.0;
        foreach (var v in Require(values))
        {
            var d = v - declared;
            if (Math.Abs(d) > Math.Abs(worst)) worst = d;
        }
        return worst;
    }

    private static IReadOnlyCollection<double> Require(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new CalculationException("There are no readings.");
        if (values.Any(v => !double.IsFinite(v))) throw new CalculationException("A reading is not a finite number.");
        return values;
    }
}
