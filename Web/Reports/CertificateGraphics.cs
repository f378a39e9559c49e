using System.Globalization;
using PdfSharp.Drawing;
using ZXing;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

namespace Web.Reports;

/// <summary>Vector drawings on a report page: the verification QR code and a run's curve.</summary>
internal static class CertificateGraphics
{
    /// <summary>Quiet zone of a QR code, in modules (ISO/IEC 18004).</summary>
    public const int QrQuietModules = 4;

    private static readonly XColor[] SeriesColours =
    [
        XColor.FromArgb(255, 11, 83, 148), XColor.FromArgb(255, 230, 145, 56), XColor.FromArgb(255, 56, 118, 29),
        XColor.FromArgb(255, 153, 0, 0), XColor.FromArgb(255, 103, 78, 167),
    ];

    /// <summary>Draws <paramref name="text"/> as a QR code (error correction M) filling a square of <paramref name="size"/> points, quiet zone included.</summary>
    public static void Qr(XGraphics g, string text, double x, double y, double size)
    {
        var hints = new Dictionary<EncodeHintType, object>
        {
            [EncodeHintType.ERROR_CORRECTION] = ErrorCorrectionLevel.M,
            [EncodeHintType.CHARACTER_SET] = "UTF-8",
            [EncodeHintType.MARGIN] = 0,
        };
        var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 1, 1, hints);
        var modules = matrix.Width + 2 * QrQuietModules;
        var m = size / modules;
        g.DrawRectangle(XBrushes.White, x, y, size, size);
        for (var row = 0; row < matrix.Height; row++)
        {
            for (var col = 0; col < matrix.Width;)
            {
                if (!matrix[col, row]) { col++; continue; }
                var start = col;
                while (col < matrix.Width && matrix[col, row]) col++;
                // A hair of overlap so no white seam shows between neighbouring modules when rasterised.
                g.DrawRectangle(XBrushes.Black, x + (start + QrQuietModules) * m, y + (row + QrQuietModules) * m, (col - start) * m + 0.05, m + 0.05);
            }
        }
    }

    /// <summary>A line chart of the curve in the rectangle: axes with round ticks, light grid, a legend for several series.</summary>
    public static void Chart(XGraphics g, CertificateCurve curve, XRect area, XFont font, string xTitle, string yTitle)
    {
        var points = curve.Series.SelectMany(s => s.X.Zip(s.Y)).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToList();
        if (points.Count < 2) return;
        var (x0, x1, xStep) = Axis(points.Min(p => p.First), points.Max(p => p.First));
        var (yMin, yMax) = (Math.Min(0, points.Min(p => p.Second)), points.Max(p => p.Second));
        // Headroom above the highest point: a plateau at the limit must not run along the frame.
        var (y0, y1, yStep) = Axis(yMin, yMax + (yMax - yMin) * 0.04);

        var lh = PageFlow.LineHeight(font);
        var plot = new XRect(area.X + 40, area.Y + lh + 4, area.Width - 52, area.Height - 2 * lh - 12);
        double X(double v) => plot.X + (v - x0) / (x1 - x0) * plot.Width;
        double Y(double v) => plot.Bottom - (v - y0) / (y1 - y0) * plot.Height;

        var grid = new XPen(XColor.FromArgb(255, 225, 229, 234), 0.4);
        var axis = new XPen(XColors.Black, 0.6);
        var grey = new XSolidBrush(XColor.FromArgb(255, 70, 78, 86));
        for (var v = x0; v <= x1 + xStep / 1000; v += xStep)
        {
            g.DrawLine(grid, X(v), plot.Top, X(v), plot.Bottom);
            g.DrawLine(axis, X(v), plot.Bottom, X(v), plot.Bottom + 3);
            g.DrawString(Tick(v, xStep), font, grey, new XRect(X(v) - 30, plot.Bottom + 4, 60, lh), XStringFormats.TopCenter);
        }
        for (var v = y0; v <= y1 + yStep / 1000; v += yStep)
        {
            g.DrawLine(grid, plot.Left, Y(v), plot.Right, Y(v));
            g.DrawLine(axis, plot.Left - 3, Y(v), plot.Left, Y(v));
            g.DrawString(Tick(v, yStep), font, grey, new XRect(area.X, Y(v) - lh / 2, 36, lh), XStringFormats.CenterRight);
        }
        g.DrawRectangle(axis, plot);
        g.DrawString(yTitle, font, XBrushes.Black, new XRect(area.X, area.Y, area.Width, lh), XStringFormats.TopLeft);
        g.DrawString(xTitle, font, XBrushes.Black, new XRect(plot.X, plot.Bottom + lh + 6, plot.Width, lh), XStringFormats.TopRight);

        for (var s = 0; s < curve.Series.Count; s++)
        {
            var series = curve.Series[s];
            var line = Decimate(series).Select(p => new XPoint(X(p.X), Y(p.Y))).ToArray();
            if (line.Length < 2) continue;
            var pen = new XPen(SeriesColours[s % SeriesColours.Length], 1.1) { LineJoin = XLineJoin.Round };
            g.DrawLines(pen, line);
        }
        if (curve.Series.Count > 1)
        {
            var lx = plot.Right - 6;
            var ly = plot.Top + 4;
            for (var s = curve.Series.Count - 1; s >= 0; s--)
            {
                var w = g.MeasureString(curve.Series[s].Label, font).Width;
                g.DrawString(curve.Series[s].Label, font, XBrushes.Black, new XRect(lx - w, ly, w, lh), XStringFormats.TopLeft);
                g.DrawLine(new XPen(SeriesColours[s % SeriesColours.Length], 1.6), lx - w - 16, ly + lh / 2, lx - w - 3, ly + lh / 2);
                lx -= w + 26;
            }
        }
    }

    /// <summary>At most ~600 points per series: enough for a printed chart, and a PDF that stays small.</summary>
    private static IEnumerable<(double X, double Y)> Decimate(CertificateSeries series)
    {
        var n = Math.Min(series.X.Count, series.Y.Count);
        var step = Math.Max(1, n / 600);
        for (var i = 0; i < n; i += step)
            if (double.IsFinite(series.X[i]) && double.IsFinite(series.Y[i])) yield return (series.X[i], series.Y[i]);
        if ((n - 1) % step != 0 && double.IsFinite(series.X[n - 1]) && double.IsFinite(series.Y[n - 1])) yield return (series.X[n - 1], series.Y[n - 1]);
    }

    /// <summary>Round axis bounds and a 1-2-5 step giving about five intervals.</summary>
    private static (double Min, double Max, double Step) Axis(double min, double max)
    {
        if (max <= min) max = min + 1;
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (raw / magnitude) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 } * magnitude;
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    private static string Tick(double v, double step)
    {
        var decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
        return Math.Round(v, decimals).ToString("F" + decimals, CultureInfo.InvariantCulture);
    }
}
