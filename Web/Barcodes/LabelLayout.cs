using System.Globalization;
using ZXing.Common;

namespace Web.Barcodes;

internal enum TextAlign { Left, Center, Right }

/// <summary>What a text is; ZPL picks the printer font by it (Latin font for codes and dates, the CJK font for the rest).</summary>
internal enum TextRole { BarcodeText, RequestNumber, SampleName, Date, Caption }

/// <summary>A line of text in a box (left edge and width, mm), aligned in it, on a baseline (mm from the label's top).</summary>
internal sealed record LabelText(string Text, TextRole Role, double BoxLeft, double BoxWidth, double Baseline, double Em, bool Bold, TextAlign Align)
{
    public double AnchorX => Align switch
    {
        TextAlign.Center => BoxLeft + BoxWidth / 2,
        TextAlign.Right => BoxLeft + BoxWidth,
        _ => BoxLeft,
    };
}

/// <summary>A filled rectangle, mm from the label's top-left corner.</summary>
internal readonly record struct LabelRect(double X, double Y, double Width, double Height);

/// <summary>
/// Where everything on one label goes, computed once and drawn by every output (PNG, SVG, PDF, ZPL) so they agree.
/// Barcode geometry is in whole dots of the target's grid (<see cref="Dpi"/>): every bar, space and QR module is
/// a whole number of printer dots. Text is in millimetres and is fitted with the output's own text measure.
/// <code>
///  ┌──────────────────────────────────────────┐
///  │  ▌▌█▌▐▌▌█▐ Code 128 across the width ▌█▌ │
///  │             S2026-000123-7               │
///  │  ▄▄▄▄▄   WT2026-00042                    │
///  │  █ QR█   样品名称（两行，超长截断…）      │
///  │  ▀▀▀▀▀   2026-05-12                1/3   │
///  └──────────────────────────────────────────┘
/// </code>
/// </summary>
internal sealed class LabelLayout
{
    public const double MarginMm = 1.5;
    public const double BarcodeTextEm = 2.8;
    public const double RequestEm = 3.0;
    public const double NameEm = 3.0;
    public const double DateEm = 2.6;
    private const double CapHeight = 0.72;  // Latin capitals and digits, of the em
    private const double CjkAscent = 0.86;  // ideographs above the baseline
    private const double Descent = 0.16;    // below it
    private const double NameLinePitch = 1.2;
    private const double MinimumGapMm = 0.6;
    /// <summary>
    /// Smallest Code 128 quiet zone (to the label's edge) accepted before the modules are made thinner. ISO/IEC 15417
    /// asks 10 X, which a 6-digit code keeps on 50 mm stock at 203 dpi (9.3 X at 300 dpi); a 7-digit code (over a
    /// million samples in a year) keeps its 10 mil modules with about 5 X rather than drop to 1 dot.
    /// </summary>
    private const int MinimumQuietModules = 5;

    private LabelLayout(double widthMm, double heightMm, double dpi) => (WidthMm, HeightMm, Dpi) = (widthMm, heightMm, dpi);

    public double WidthMm { get; }
    public double HeightMm { get; }
    public double Dpi { get; }
    public double DotsPerMm => Dpi / 25.4;

    public required bool[] Code128 { get; init; }
    public int ModuleDots { get; private init; }
    public int BarsX { get; private init; }
    public int BarsY { get; private init; }
    public int BarHeight { get; private init; }
    public required BitMatrix Qr { get; init; }
    public int QrModuleDots { get; private init; }
    public int QrX { get; private init; }
    public int QrY { get; private init; }
    public IReadOnlyList<LabelText> Texts { get; private init; } = [];

    /// <param name="measure">Width in mm of a text at an em size in mm, in the font the output will draw it with.</param>
    public static LabelLayout Compute(LabelContent label, double widthMm, double heightMm, double dpi, Func<string, double, double> measure)
    {
        var barcode = LabelContent.ValidBarcode(label.Barcode); // never draw a code with a wrong check character
        var perMm = dpi / 25.4;
        int Dots(double mm) => (int)Math.Round(mm * perMm);
        double Mm(int dots) => dots / perMm;

        var widthDots = (int)Math.Floor(widthMm * perMm);
        var heightDots = (int)Math.Floor(heightMm * perMm);

        // Code 128 across the top, centred: 10 mil modules, thinner only if the code would not fit with minimal quiet zones.
        var code = Row(BarcodeGeometry.Modules(barcode, BarcodeSymbology.Code128));
        var moduleDots = BarcodeGeometry.ModuleDots(dpi);
        while (moduleDots > 1 && (code.Length + 2 * MinimumQuietModules) * moduleDots > widthDots) moduleDots--;
        if ((code.Length + 2 * MinimumQuietModules) * moduleDots > widthDots)
            throw new InvalidOperationException($"A {widthMm} mm label is too narrow for {barcode} at {dpi} dpi.");
        var barsX = (widthDots - code.Length * moduleDots) / 2;
        var barsY = Dots(MarginMm);
        var barHeight = Dots(0.27 * heightMm);

        var texts = new List<LabelText>();
        var hriBaseline = Mm(barsY + barHeight) + 0.6 + CapHeight * BarcodeTextEm;
        texts.Add(new LabelText(barcode, TextRole.BarcodeText, Mm(barsX), Mm(code.Length * moduleDots), hriBaseline, BarcodeTextEm, false, TextAlign.Center));

        // Below: request number, sample name on up to two lines, date and caption, spread with equal gaps between
        // the code's text and the bottom margin (the gaps of the two-line case, so one-line names sit at the same place).
        var bottom = heightMm - MarginMm;
        var requestHeight = CapHeight * RequestEm;
        var dateHeight = (CjkAscent + Descent) * DateEm;
        double NameHeight(int lines) => (CjkAscent + Descent) * NameEm + (lines - 1) * NameLinePitch * NameEm;
        var gap = (bottom - hriBaseline - requestHeight - NameHeight(2) - dateHeight) / 3;
        var nameLines = 2;
        if (gap < MinimumGapMm)
        {
            nameLines = 1;
            gap = (bottom - hriBaseline - requestHeight - NameHeight(1) - dateHeight) / 3;
            if (gap < MinimumGapMm) throw new InvalidOperationException($"A {heightMm} mm label is too low for its text.");
        }
        var requestBaseline = hriBaseline + gap + requestHeight;
        var nameBaseline = requestBaseline + gap + CjkAscent * NameEm;
        var dateBaseline = bottom - Descent * DateEm;

        // QR at the left, centred on the text block, its 4-module quiet zone clear of the label's edge and the bars.
        var qr = BarcodeGeometry.Modules(barcode, BarcodeSymbology.QrCode);
        var qrModuleDots = BarcodeGeometry.QrModuleDots(dpi);
        var qrSize = qr.Width * qrModuleDots;
        var qrQuiet = BarcodeGeometry.QrQuietModules * qrModuleDots;
        var qrX = Math.Max(Dots(MarginMm), qrQuiet);
        var qrY = (int)Math.Round((requestBaseline - requestHeight + bottom) / 2 * perMm - qrSize / 2.0);
        qrY = Math.Min(qrY, heightDots - qrQuiet - qrSize);
        if (qrY - qrQuiet < barsY + barHeight)
            throw new InvalidOperationException($"A {heightMm} mm label is too low for the QR code at {dpi} dpi.");

        var left = Mm(qrX + qrSize + qrQuiet);
        var width = widthMm - MarginMm - left;
        texts.Add(new LabelText(TextFit.Fit(label.RequestNumber, width, t => measure(t, RequestEm)), TextRole.RequestNumber,
            left, width, requestBaseline, RequestEm, true, TextAlign.Left));
        var (first, second) = nameLines == 2
            ? TextFit.Wrap2(label.SampleName, width, t => measure(t, NameEm))
            : (TextFit.Fit(label.SampleName, width, t => measure(t, NameEm)), null);
        texts.Add(new LabelText(first, TextRole.SampleName, left, width, nameBaseline, NameEm, false, TextAlign.Left));
        if (second is not null)
            texts.Add(new LabelText(second, TextRole.SampleName, left, width, nameBaseline + NameLinePitch * NameEm, NameEm, false, TextAlign.Left));

        var date = label.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        texts.Add(new LabelText(date, TextRole.Date, left, width, dateBaseline, DateEm, false, TextAlign.Left));
        if (label.Caption is { } caption)
        {
            var room = width - measure(date, DateEm) - 2.0;
            var fitted = room > 0 ? TextFit.Fit(caption, room, t => measure(t, DateEm)) : "";
            if (fitted.Length > 0)
                texts.Add(new LabelText(fitted, TextRole.Caption, widthMm - MarginMm - room, room, dateBaseline, DateEm, false, TextAlign.Right));
        }

        return new LabelLayout(widthMm, heightMm, dpi)
        {
            Code128 = code,
            ModuleDots = moduleDots,
            BarsX = barsX,
            BarsY = barsY,
            BarHeight = barHeight,
            Qr = qr,
            QrModuleDots = qrModuleDots,
            QrX = qrX,
            QrY = qrY,
            Texts = texts,
        };
    }

    /// <summary>The bars, one rectangle per bar, in mm.</summary>
    public IEnumerable<LabelRect> BarRects()
    {
        for (var i = 0; i < Code128.Length;)
        {
            if (!Code128[i]) { i++; continue; }
            var start = i;
            while (i < Code128.Length && Code128[i]) i++;
            yield return Rect(BarsX + start * ModuleDots, BarsY, (i - start) * ModuleDots, BarHeight);
        }
    }

    /// <summary>The QR's dark modules, merged into runs along each row, in mm.</summary>
    public IEnumerable<LabelRect> QrRects()
    {
        for (var y = 0; y < Qr.Height; y++)
        {
            for (var x = 0; x < Qr.Width;)
            {
                if (!Qr[x, y]) { x++; continue; }
                var start = x;
                while (x < Qr.Width && Qr[x, y]) x++;
                yield return Rect(QrX + start * QrModuleDots, QrY + y * QrModuleDots, (x - start) * QrModuleDots, QrModuleDots);
            }
        }
    }

    private LabelRect Rect(int x, int y, int width, int height) =>
        new(x / DotsPerMm, y / DotsPerMm, width / DotsPerMm, height / DotsPerMm);

    private static bool[] Row(BitMatrix matrix)
    {
        var row = new bool[matrix.Width];
        for (var x = 0; x < row.Length; x++) row[x] = matrix[x, 0];
        return row;
    }
}
