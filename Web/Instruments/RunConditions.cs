using System.Globalization;
using Lab.Domain.Instruments;

namespace Web.Instruments;

/// <summary>How the room's conditions of runs read: on the run page, and (as ranges over the reported runs) on the report.</summary>
public static class RunConditions
{
    /// <summary>"20.5 °C · 63 %RH"; either part left out when it was not read.</summary>
    public static string Text(double? temperature, double? humidity) =>
        string.Join(" · ", new[] { temperature is { } t ? $"{N(t)} °C" : null, humidity is { } h ? $"{N(h)} %RH" : null }.OfType<string>());

    /// <summary>
    /// The conditions of <paramref name="runs"/> for the report: "温度 20.1–21.0 °C，相对湿度 60–65 %RH" / "Temperature
    /// 20.1–21.0 °C, relative humidity 60–65 %RH" (one value when all agree); null when no run recorded any.
    /// </summary>
    public static (string Zh, string En)? ForReport(IEnumerable<Run> runs)
    {
        var list = runs.ToList();
        var t = Range(list.Select(r => r.Temperature));
        var h = Range(list.Select(r => r.Humidity));
        if (t is null && h is null) return null;
        var zh = string.Join("，", new[] { t is null ? null : $"温度 {t} °C", h is null ? null : $"相对湿度 {h} %RH" }.OfType<string>());
        var en = string.Join(", ", new[] { t is null ? null : $"Temperature {t} °C", h is null ? null : $"relative humidity {h} %RH" }.OfType<string>());
        return (zh, t is null ? char.ToUpperInvariant(en[0]) + en[1..] : en);
    }

    private static string? Range(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        if (known.Count == 0) return null;
        var (min, max) = (known.Min(), known.Max());
        return min == max ? N(min) : $"{N(min)}–{N(max)}";
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
