using System.Globalization;
using System.Text;
using Lab.Domain.Results;

namespace Web.Instruments;

/// <summary>A run's curve drawn as SVG on the server: force–displacement, wind speed over time, UV transmittance spectra.</summary>
public static class RunCurves
{
    public sealed record Series(string Label, IReadOnlyList<(double X, double Y)> Points);

    public sealed record Curve(string XLabel, string YLabel, IReadOnlyList<Series> Series);

    /// <summary>The raw data formats that hold a curve (what <see cref="From"/> draws).</summary>
    public static readonly IReadOnlyList<string> Formats = [RawFormats.ForceCurve, RawFormats.WindRamp, RawFormats.UvSpectrum];

    /// <summary>The curve in a run's raw data, or null when the format has none worth drawing.</summary>
    public static Curve? From(RawCapture capture)
    {
        RawRecord record;
        try { record = RawDataParser.Parse(capture); }
        catch (RawDataFormatException) { return null; }
        return record switch
        {
            ForceCurve f => new Curve("mm", "N", [new Series("F", f.Points.Select(p => (p.Displacement, p.Force)).ToList())]),
            WindRamp w => new Curve("s", "m/s", [new Series("v", w.Points.Select(p => (p.Time, p.Speed)).ToList())]),
            UvSpectra u => new Curve("nm", "T %", u.Specimens.Select((s, i) => new Series($"#{i + 1}", u.Wavelengths.Zip(s).ToList())).ToList()),
            _ => null,
        };
    }

    public static string Svg(Curve curve, int width = 640, int height = 300)
    {
        const int left = 56, right = 12, top = 12, bottom = 36;
        var all = curve.Series.SelectMany(s => s.Points).ToList();
        if (all.Count < 2) return "";
        double minX = all.Min(p => p.X), maxX = all.Max(p => p.X), minY = Math.Min(0, all.Min(p => p.Y)), maxY = all.Max(p => p.Y);
        if (maxX <= minX) maxX = minX + 1;
        if (maxY <= minY) maxY = minY + 1;
        maxY += (maxY - minY) * 0.05;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double X(double x) => left + (x - minX) / (maxX - minX) * (width - left - right);
        double Y(double y) => height - bottom - (y - minY) / (maxY - minY) * (height - top - bottom);
        string[] colours = ["#0b5394", "#e69138", "#38761d", "#990000", "#674ea7"];
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" class=\"w-100\" data-testid=\"run-curve\">");
        svg.Append($"<rect x=\"{left}\" y=\"{top}\" width=\"{width - left - right}\" height=\"{height - top - bottom}\" fill=\"#fff\" stroke=\"#d0d7de\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var yv = minY + (maxY - minY) * i / 4;
            var xv = minX + (maxX - minX) * i / 4;
            svg.Append($"<text x=\"{left - 6}\" y=\"{F(Y(yv) + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#52606d\">{F(yv)}</text>");
            svg.Append($"<text x=\"{F(X(xv))}\" y=\"{height - bottom + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#52606d\">{F(xv)}</text>");
            svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(yv))}\" y2=\"{F(Y(yv))}\" stroke=\"#eef1f4\"/>");
        }
        svg.Append($"<text x=\"{width - right}\" y=\"{height - 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"#52606d\">{curve.XLabel}</text>");
        svg.Append($"<text x=\"4\" y=\"{top + 10}\" font-size=\"11\" fill=\"#52606d\">{curve.YLabel}</text>");
        for (var s = 0; s < curve.Series.Count; s++)
        {
            var points = string.Join(' ', curve.Series[s].Points.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{colours[s % colours.Length]}\" stroke-width=\"1.5\" points=\"{points}\"/>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
