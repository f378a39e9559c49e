using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;
using Web.Reports.Fonts;

namespace Web.Barcodes;

/// <summary>How a request's labels are laid out in a PDF.</summary>
public enum LabelPdfLayout
{
    /// <summary>A4 sheets of 3 × 8 labels of 70 × 37.125 mm (the common 24-up sheet), for office laser printers.</summary>
    A4Sheet,
    /// <summary>One label per page at the thermal stock's size (<see cref="LabelOptions.WidthMm"/> × <see cref="LabelOptions.HeightMm"/>).</summary>
    Thermal,
}

/// <summary>Sample labels: Code 128 and QR of the sample barcode, the code in text, request number, sample name, date.</summary>
public interface ILabelRenderer
{
    /// <summary>One label as a greyscale PNG at <see cref="LabelOptions.PngDpi"/> (the resolution is recorded in the file).</summary>
    byte[] Png(LabelContent label);

    /// <summary>One label as SVG, sized in millimetres.</summary>
    string Svg(LabelContent label);

    /// <summary>A request's labels as one PDF: A4 sheets (several pages when more than 24) or one thermal label per page.</summary>
    byte[] Pdf(IReadOnlyList<LabelContent> labels, LabelPdfLayout layout);

    /// <summary>ZPL II for a Zebra printer at <see cref="LabelOptions.ThermalDpi"/>: one ^XA…^XZ format per label.</summary>
    string Zpl(IReadOnlyList<LabelContent> labels);
}

/// <summary>The A4 sheet's grid; the labels fill it row by row from the top left.</summary>
public static class A4LabelSheet
{
    public const int Columns = 3;
    public const int Rows = 8;
    public const int LabelsPerPage = Columns * Rows;
    public const double PageWidthMm = 210;
    public const double PageHeightMm = 297;
    public const double CellWidthMm = PageWidthMm / Columns;   // 70
    public const double CellHeightMm = PageHeightMm / Rows;    // 37.125
    /// <summary>Inset of the printed content in each cell: keeps it inside a laser printer's printable area and off the die cuts.</summary>
    public const double PaddingXMm = 5;
    public const double PaddingYMm = 3.5;
    /// <summary>The grid used to place bars on the sheet: 600 dpi, where a 10 mil module is exactly 6 dots.</summary>
    public const double GridDpi = 600;

    /// <summary>Top-left corner (mm) of the cell holding the label at <paramref name="position"/> on its page (0-based).</summary>
    public static (double X, double Y) Cell(int position) =>
        (position % LabelsPerPage % Columns * CellWidthMm, position % LabelsPerPage / Columns * CellHeightMm);
}

/// <summary>
/// Draws labels with SkiaSharp (PNG), as SVG text, with PDFsharp (PDF) and as ZPL, all from one
/// <see cref="LabelLayout"/>. Chinese comes from <see cref="CjkFonts"/> (WenQuanYi Micro Hei on Debian).
/// </summary>
public sealed class LabelRenderer(IOptions<LabelOptions> options, CjkFonts fonts) : ILabelRenderer
{
    private const double PointsPerMm = 72 / 25.4;
    private const string SvgFontFamily = "'WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif";
    private readonly LabelOptions _options = options.Value;

    public byte[] Png(LabelContent label)
    {
        var dpi = _options.PngDpi;
        var layout = Layout(label, _options.WidthMm, _options.HeightMm, dpi);
        var perMm = dpi / 25.4;
        using var bitmap = new SKBitmap(new SKImageInfo(Px(_options.WidthMm), Px(_options.HeightMm), SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
            foreach (var r in layout.BarRects().Concat(layout.QrRects()))
                canvas.DrawRect(SKRect.Create(Px(r.X), Px(r.Y), Px(r.Width), Px(r.Height)), ink);

            using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            foreach (var t in layout.Texts)
            {
                using var font = new SKFont(fonts.Typeface, (float)(t.Em * perMm)) { Embolden = t.Bold, Subpixel = true, Edging = SKFontEdging.Antialias };
                var align = t.Align switch { TextAlign.Center => SKTextAlign.Center, TextAlign.Right => SKTextAlign.Right, _ => SKTextAlign.Left };
                canvas.DrawText(t.Text, (float)(t.AnchorX * perMm), (float)(t.Baseline * perMm), align, font, text);
            }
        }
        return PngEncoding.Encode(bitmap, dpi);

        int Px(double mm) => (int)Math.Round(mm * perMm);
    }

    public string Svg(LabelContent label)
    {
        // Vector: the bars sit on the thermal printer's dot grid, the text is fitted with the CJK font's metrics.
        var layout = Layout(label, _options.WidthMm, _options.HeightMm, _options.ThermalDpi);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{layout.WidthMm:0.###}mm\" height=\"{layout.HeightMm:0.###}mm\" viewBox=\"0 0 {layout.WidthMm:0.###} {layout.HeightMm:0.###}\">"));
        svg.Append("<title>").Append(Xml(label.Barcode)).Append("</title>");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        svg.Append("<path shape-rendering=\"crispEdges\" fill=\"#000\" d=\"");
        foreach (var r in layout.BarRects().Concat(layout.QrRects()))
            svg.Append(Inv($"M{r.X:0.####} {r.Y:0.####}h{r.Width:0.####}v{r.Height:0.####}h{-r.Width:0.####}z"));
        svg.Append("\"/>");
        svg.Append("<g font-family=\"").Append(SvgFontFamily).Append("\" fill=\"#000\">");
        foreach (var t in layout.Texts)
        {
            var anchor = t.Align switch { TextAlign.Center => " text-anchor=\"middle\"", TextAlign.Right => " text-anchor=\"end\"", _ => "" };
            var weight = t.Bold ? " font-weight=\"bold\"" : "";
            svg.Append(Inv($"<text x=\"{t.AnchorX:0.###}\" y=\"{t.Baseline:0.###}\" font-size=\"{t.Em:0.###}\"{anchor}{weight}>"))
                .Append(Xml(t.Text)).Append("</text>");
        }
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    public byte[] Pdf(IReadOnlyList<LabelContent> labels, LabelPdfLayout layout)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0) throw new ArgumentException("No labels to print.", nameof(labels));
        foreach (var label in labels) LabelContent.ValidBarcode(label.Barcode);

        using var document = new PdfDocument();
        document.Info.Title = "Labels " + string.Join(", ", labels.Select(l => l.RequestNumber).Distinct());
        document.Info.Creator = "LabLims";
        if (layout == LabelPdfLayout.Thermal)
        {
            foreach (var label in labels)
            {
                var page = AddPage(document, _options.WidthMm, _options.HeightMm);
                using var gfx = XGraphics.FromPdfPage(page);
                Draw(gfx, Layout(label, _options.WidthMm, _options.HeightMm, _options.ThermalDpi), 0, 0);
            }
        }
        else
        {
            const double width = A4LabelSheet.CellWidthMm - 2 * A4LabelSheet.PaddingXMm;
            const double height = A4LabelSheet.CellHeightMm - 2 * A4LabelSheet.PaddingYMm;
            for (var first = 0; first < labels.Count; first += A4LabelSheet.LabelsPerPage)
            {
                var page = AddPage(document, A4LabelSheet.PageWidthMm, A4LabelSheet.PageHeightMm);
                using var gfx = XGraphics.FromPdfPage(page);
                if (_options.SheetCutGuides) DrawCutGuides(gfx);
                for (var i = first; i < Math.Min(labels.Count, first + A4LabelSheet.LabelsPerPage); i++)
                {
                    var (x, y) = A4LabelSheet.Cell(i);
                    Draw(gfx, Layout(labels[i], width, height, A4LabelSheet.GridDpi), x + A4LabelSheet.PaddingXMm, y + A4LabelSheet.PaddingYMm);
                }
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public string Zpl(IReadOnlyList<LabelContent> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var zpl = new StringBuilder();
        foreach (var label in labels)
            ZplWriter.Write(zpl, LabelLayout.Compute(label, _options.WidthMm, _options.HeightMm, _options.ThermalDpi, ZplWriter.EstimateWidth), _options.ZplCjkFont);
        return zpl.ToString();
    }

    private LabelLayout Layout(LabelContent label, double widthMm, double heightMm, double dpi) =>
        LabelLayout.Compute(label, widthMm, heightMm, dpi, Measure);

    /// <summary>Width in mm of a text at an em size in mm, in the CJK font every output draws with.</summary>
    private double Measure(string text, double emMm)
    {
        using var font = new SKFont(fonts.Typeface, 100);
        return font.MeasureText(text) / 100 * emMm * 1.01; // 1 % spare for renderers that round advances
    }

    private void Draw(XGraphics gfx, LabelLayout layout, double originXMm, double originYMm)
    {
        // One path for all dark modules: a single fill has no hairline seams between touching rectangles.
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        foreach (var r in layout.BarRects().Concat(layout.QrRects()))
            path.AddRectangle(Pt(originXMm + r.X), Pt(originYMm + r.Y), Pt(r.Width), Pt(r.Height));
        gfx.DrawPath(XBrushes.Black, path);

        foreach (var t in layout.Texts)
        {
            var format = new XStringFormat
            {
                LineAlignment = XLineAlignment.BaseLine,
                Alignment = t.Align switch { TextAlign.Center => XStringAlignment.Center, TextAlign.Right => XStringAlignment.Far, _ => XStringAlignment.Near },
            };
            gfx.DrawString(t.Text, fonts.PdfFont(Pt(t.Em), t.Bold), XBrushes.Black, Pt(originXMm + t.AnchorX), Pt(originYMm + t.Baseline), format);
        }
    }

    private static void DrawCutGuides(XGraphics gfx)
    {
        var pen = new XPen(XColor.FromArgb(190, 190, 190), 0.3) { DashStyle = XDashStyle.Dash };
        for (var c = 1; c < A4LabelSheet.Columns; c++)
            gfx.DrawLine(pen, Pt(c * A4LabelSheet.CellWidthMm), 0, Pt(c * A4LabelSheet.CellWidthMm), Pt(A4LabelSheet.PageHeightMm));
        for (var r = 1; r < A4LabelSheet.Rows; r++)
            gfx.DrawLine(pen, 0, Pt(r * A4LabelSheet.CellHeightMm), Pt(A4LabelSheet.PageWidthMm), Pt(r * A4LabelSheet.CellHeightMm));
    }

    private static PdfPage AddPage(PdfDocument document, double widthMm, double heightMm)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(widthMm);
        page.Height = XUnit.FromMillimeter(heightMm);
        return page;
    }

    private static double Pt(double mm) => mm * PointsPerMm;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Xml(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text) if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)) clean.Append(c);
        return System.Security.SecurityElement.Escape(clean.ToString());
    }
}
