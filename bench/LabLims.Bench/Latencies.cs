using System.Globalization;

namespace LabLims.Bench;

/// <summary>Measured durations in milliseconds and their percentiles (nearest rank).</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];
    private double[]? _sorted;

    public int Count => _ms.Count;

    public void Add(double ms)
    {
        _ms.Add(ms);
        _sorted = null;
    }

    public void AddRange(IEnumerable<double> ms)
    {
        _ms.AddRange(ms);
        _sorted = null;
    }

    public IReadOnlyList<double> Values => _ms;

    public double Percentile(double p)
    {
        if (_ms.Count == 0) return double.NaN;
        _sorted ??= [.. _ms.Order()];
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Max => _ms.Count == 0 ? double.NaN : _ms.Max();
    public double Mean => _ms.Count == 0 ? double.NaN : _ms.Average();

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
