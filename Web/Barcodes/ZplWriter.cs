using System.Globalization;
using System.Text;

namespace Web.Barcodes;

/// <summary>
/// ZPL II for one label from its <see cref="LabelLayout"/> (computed in the printer's dots). Code 128 by ^BC in
/// automatic subset mode, QR by ^BQ (model 2, error correction Q), text in the printer's scalable font 0, except the
/// sample name and caption, which use the CJK TrueType font stored on the printer (^A@, e.g. E:SIMSUN.TTF). ^CI28
/// makes the field data UTF-8; ^FH escapes the characters ZPL would read as commands (^ ~) and its own escape (_).
/// </summary>
internal static class ZplWriter
{
    public static void Write(StringBuilder zpl, LabelLayout layout, string cjkFont)
    {
        var perMm = layout.DotsPerMm;
        int Dots(double mm) => (int)Math.Round(mm * perMm);
        var barcode = layout.Texts.First(t => t.Role == TextRole.BarcodeText).Text;

        Line(zpl, $"^XA");
        Line(zpl, $"^CI28");
        Line(zpl, $"^PW{Dots(layout.WidthMm)}");
        Line(zpl, $"^LL{Dots(layout.HeightMm)}");
        Line(zpl, $"^LH0,0");
        Line(zpl, $"^FO{layout.BarsX},{layout.BarsY}^BY{layout.ModuleDots},3,{layout.BarHeight}^BCN,{layout.BarHeight},N,N,N,A^FD{barcode}^FS");
        Line(zpl, $"^FO{layout.QrX},{layout.QrY}^BQN,2,{layout.QrModuleDots},Q^FDQA,{barcode}^FS");
        foreach (var t in layout.Texts)
        {
            var height = Dots(t.Em);
            var font = t.Role is TextRole.SampleName or TextRole.Caption
                ? $"^A@N,{height},{height},{cjkFont}"
                : $"^A0N,{height},{height}";
            // ^FT: the baseline; ^FB: a one-line block to centre or right-align in (its \ is an escape of its own).
            var block = t.Align == TextAlign.Left ? "" : $"^FB{Dots(t.BoxWidth)},1,0,{(t.Align == TextAlign.Center ? 'C' : 'R')}";
            var data = t.Align == TextAlign.Left ? t.Text : t.Text.Replace("\\", "\\\\", StringComparison.Ordinal);
            Line(zpl, $"^FT{Dots(t.BoxLeft)},{Dots(t.Baseline)}{font}{block}^FH_^FD{Escape(data)}^FS");
        }
        Line(zpl, $"^PQ1");
        Line(zpl, $"^XZ");
    }

    /// <summary>
    /// The printer's fonts cannot be measured here: a CJK TrueType font draws ideographs and full-width forms one em wide
    /// and Latin about half an em; font 0 is narrower still. Estimated generously so nothing runs off the label.
    /// </summary>
    public static double EstimateWidth(string text, double emMm)
    {
        double ems = 0;
        foreach (var c in text) ems += IsWide(c) ? 1.0 : char.IsLowSurrogate(c) ? 0 : 0.6;
        return ems * emMm;
    }

    private static bool IsWide(char c) =>
        c is '…' or >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6'
            || char.IsHighSurrogate(c);

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '^' or '~' or '_') escaped.Append('_').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else if (!char.IsControl(c)) escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static void Line(StringBuilder zpl, FormattableString line) => zpl.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
