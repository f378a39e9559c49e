using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Web.Reports;

/// <summary>One cell of a <see cref="PageFlow.Table"/>: text (lines split at '\n' and wrapped), its font, fill and alignment.</summary>
internal sealed record PdfCell(string Text, XFont? Font = null, XBrush? Fill = null, XStringAlignment Align = XStringAlignment.Near);

/// <summary>
/// Flows content down A4 pages between a fixed header and footer band: wrapped paragraphs, tables whose rows wrap and
/// break across pages with the header row repeated, and blocks that move to the next page when they do not fit.
/// Text wrapping knows Chinese (a line may break between any two characters, never before closing punctuation) and
/// Latin (at spaces; a word longer than the line is cut).
/// </summary>
internal sealed class PageFlow : IDisposable
{
    public static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    public static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    public const double Margin = 42;
    public const double CellPadX = 3, CellPadY = 2.5;

    private readonly PdfDocument _document;
    private readonly Dictionary<(double Size, bool Bold, char C), double> _widths = [];
    private XGraphics? _graphics;

    public PageFlow(PdfDocument document, double top, double bottom)
    {
        _document = document;
        Top = top;
        Bottom = bottom;
    }

    public double Top { get; }
    public double Bottom { get; }
    public double Left => Margin;
    public double Right => PageWidth - Margin;
    public double Width => Right - Left;
    public double Y { get; set; }
    public XGraphics G => _graphics ?? throw new InvalidOperationException("No page yet.");

    public static readonly XPen Rule = new(XColors.Black, 0.6);
    public static readonly XPen Thin = new(XColor.FromArgb(255, 90, 90, 90), 0.4);
    public static readonly XBrush Ink = XBrushes.Black;
    public static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(255, 236, 239, 242));
    public static readonly XBrush LabelFill = new XSolidBrush(XColor.FromArgb(255, 246, 247, 249));

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    public double Remaining => Bottom - Y;

    /// <summary>Moves to a new page unless <paramref name="height"/> fits below the cursor.</summary>
    public void Ensure(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    public static double LineHeight(XFont font) => font.Size * 1.32;

    public double TextWidth(string text, XFont font)
    {
        double w = 0;
        foreach (var c in text) w += CharWidth(c, font);
        return w;
    }

    private double CharWidth(char c, XFont font)
    {
        var key = (font.Size, font.Bold, c);
        if (_widths.TryGetValue(key, out var w)) return w;
        w = G.MeasureString(c.ToString(), font).Width;
        _widths[key] = w;
        return w;
    }

    /// <summary>The text's lines within <paramref name="width"/> points; '\n' starts a new line.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Printable(text).Split('\n'))
        {
            var s = paragraph.TrimEnd();
            if (s.Length == 0) { lines.Add(""); continue; }
            var start = 0;
            var lastBreak = -1;
            double w = 0;
            for (var i = 0; i < s.Length; i++)
            {
                if (i > start && CanBreakBefore(s, i)) lastBreak = i;
                var cw = CharWidth(s[i], font);
                if (w + cw > width && i > start)
                {
                    var cut = lastBreak > start ? lastBreak : i;
                    lines.Add(s[start..cut].TrimEnd());
                    start = cut;
                    while (start < s.Length && s[start] == ' ') start++;
                    lastBreak = -1;
                    w = 0;
                    for (var j = start; j < i; j++) w += CharWidth(s[j], font);
                    if (start > i) { i = start - 1; continue; }
                }
                w += cw;
            }
            if (start < s.Length) lines.Add(s[start..]);
        }
        return lines;
    }

    /// <summary>
    /// WenQuanYi Micro Hei lists ℃ and ℉ but PDFsharp's subset draws them blank: they are written as their
    /// equivalents (°C, °F), which every font here draws.
    /// </summary>
    public static string Printable(string text) =>
        text.AsSpan().IndexOfAny('℃', '℉') < 0 ? text : text.Replace("℃", "°C").Replace("℉", "°F");

    private static bool CanBreakBefore(string s, int i)
    {
        char prev = s[i - 1], c = s[i];
        if (IsClosing(c) || IsOpening(prev)) return false;
        if (prev == ' ' && c != ' ') return true;
        return IsCjk(c) || IsCjk(prev);
    }

    private static bool IsCjk(char c) => c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF;
    private static bool IsClosing(char c) => "，。、；：？！）》」』】〕,.;:?!)]}%".Contains(c);
    private static bool IsOpening(char c) => "（《「『【〔([{".Contains(c);

    /// <summary>Draws lines of text at the cursor, breaking to new pages as needed.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, XBrush? brush = null, double after = 3)
    {
        var lh = LineHeight(font);
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Ensure(lh);
            G.DrawString(line, font, brush ?? Ink, new XRect(Left + indent, Y, Width - indent, lh), XStringFormats.TopLeft);
            Y += lh;
        }
        Y += after;
    }

    /// <summary>A numbered paragraph: the number in the margin, every line of the text aligned after it.</summary>
    public void Numbered(int number, string text, XFont font, double after = 2)
    {
        var lh = LineHeight(font);
        const double hang = 12;
        var first = true;
        foreach (var line in Wrap(text, font, Width - hang))
        {
            Ensure(lh);
            if (first) G.DrawString($"{number}.", font, Ink, new XRect(Left, Y, hang, lh), XStringFormats.TopLeft);
            first = false;
            G.DrawString(line, font, Ink, new XRect(Left + hang, Y, Width - hang, lh), XStringFormats.TopLeft);
            Y += lh;
        }
        Y += after;
    }

    public void Centered(string text, XFont font, double after = 2)
    {
        var lh = LineHeight(font);
        Ensure(lh);
        G.DrawString(text, font, Ink, new XRect(Left, Y, Width, lh), XStringFormats.TopCenter);
        Y += lh + after;
    }

    /// <summary>
    /// A table: the header row (if any) is drawn at its start and again at the top of every page it continues on;
    /// a row that does not fit moves to the next page, and a row taller than a whole page is split between pages.
    /// </summary>
    public void Table(IReadOnlyList<double> widths, IReadOnlyList<PdfCell>? header, IEnumerable<IReadOnlyList<PdfCell>> rows, XFont font)
    {
        var headerHeight = header is null ? 0 : RowHeight(Layout(header, widths, font), font, widths);
        var firstRow = true;
        foreach (var row in rows)
        {
            var cells = Layout(row, widths, font);
            var height = RowHeight(cells, font, widths);
            // The header stays with the first row; a row that fits on a fresh page is not split.
            if (firstRow && header is not null) Ensure(headerHeight + Math.Min(height, 3 * LineHeight(font) + 2 * CellPadY));
            if (firstRow && header is not null) DrawRow(Layout(header, widths, font), widths, 0, int.MaxValue);
            firstRow = false;
            if (Y + height > Bottom && height <= Bottom - Top - headerHeight)
            {
                NewPage();
                if (header is not null) DrawRow(Layout(header, widths, font), widths, 0, int.MaxValue);
            }
            var done = 0;
            var total = cells.Max(c => c.Lines.Count);
            while (done < total)
            {
                var fit = (int)Math.Floor((Bottom - Y - 2 * CellPadY) / cells.Max(c => LineHeight(c.Font)));
                if (fit < 1)
                {
                    NewPage();
                    if (header is not null) DrawRow(Layout(header, widths, font), widths, 0, int.MaxValue);
                    continue;
                }
                DrawRow(cells, widths, done, fit);
                done += fit;
                if (done < total)
                {
                    NewPage();
                    if (header is not null) DrawRow(Layout(header, widths, font), widths, 0, int.MaxValue);
                }
            }
        }
    }

    private sealed record LaidCell(PdfCell Cell, XFont Font, List<string> Lines);

    private List<LaidCell> Layout(IReadOnlyList<PdfCell> row, IReadOnlyList<double> widths, XFont font)
    {
        var cells = new List<LaidCell>(row.Count);
        for (var i = 0; i < row.Count; i++)
        {
            var f = row[i].Font ?? font;
            cells.Add(new LaidCell(row[i], f, Wrap(row[i].Text, f, widths[i] - 2 * CellPadX)));
        }
        return cells;
    }

    private static double RowHeight(List<LaidCell> cells, XFont font, IReadOnlyList<double> widths) =>
        cells.Max(c => c.Lines.Count * LineHeight(c.Font)) + 2 * CellPadY;

    /// <summary>Draws lines [from, from + count) of every cell as one band of the row.</summary>
    private void DrawRow(List<LaidCell> cells, IReadOnlyList<double> widths, int from, int count)
    {
        var height = cells.Max(c => Math.Max(0, Math.Min(count, c.Lines.Count - from)) * LineHeight(c.Font)) + 2 * CellPadY;
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var rect = new XRect(x, Y, widths[i], height);
            if (cells[i].Cell.Fill is { } fill) G.DrawRectangle(fill, rect);
            G.DrawRectangle(Thin, rect);
            var lh = LineHeight(cells[i].Font);
            var ty = Y + CellPadY;
            foreach (var line in cells[i].Lines.Skip(from).Take(count))
            {
                var format = cells[i].Cell.Align switch
                {
                    XStringAlignment.Center => XStringFormats.TopCenter,
                    XStringAlignment.Far => XStringFormats.TopRight,
                    _ => XStringFormats.TopLeft,
                };
                G.DrawString(line, cells[i].Font, Ink, new XRect(x + CellPadX, ty, widths[i] - 2 * CellPadX, lh), format);
                ty += lh;
            }
            x += widths[i];
        }
        Y += height;
    }

    public void Dispose() => _graphics?.Dispose();
}
