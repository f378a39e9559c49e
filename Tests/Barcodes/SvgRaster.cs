using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Tests.Barcodes;

/// <summary>
/// Draws the dark shapes of the SVGs the app writes (ZXing's &lt;rect&gt; elements and the label's one rectangle
/// path) into a PNG, so the geometry an SVG carries can be checked by decoding it. Text is not drawn.
/// </summary>
public static partial class SvgRaster
{
    public static byte[] Render(string svg, double pixelsPerUnit)
    {
        var viewBox = ViewBox().Match(svg);
        Assert.True(viewBox.Success, "the SVG has a viewBox");
        var width = Number(viewBox.Groups[1].Value);
        var height = Number(viewBox.Groups[2].Value);
        var rects = new List<SKRect>();
        foreach (Match m in Rect().Matches(svg))
            rects.Add(SKRect.Create(Number(m.Groups[1].Value), Number(m.Groups[2].Value), Number(m.Groups[3].Value), Number(m.Groups[4].Value)));
        foreach (Match m in PathRect().Matches(svg))
            rects.Add(SKRect.Create(Number(m.Groups[1].Value), Number(m.Groups[2].Value), Number(m.Groups[3].Value), Number(m.Groups[4].Value)));
        Assert.NotEmpty(rects);

        var scale = (float)pixelsPerUnit;
        using var bitmap = new SKBitmap((int)Math.Ceiling(width * scale), (int)Math.Ceiling(height * scale));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            // One path filled once, as a browser fills the label's single path: no seams where rectangles touch.
            using var builder = new SKPathBuilder { FillType = SKPathFillType.Winding };
            foreach (var r in rects) builder.AddRect(r, SKPathDirection.Clockwise);
            using var path = builder.Detach();
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawPath(path, ink);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"viewBox=""0 0 ([\d.]+) ([\d.]+)""")]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"<rect x=""([\d.]+)"" y=""([\d.]+)"" width=""([\d.]+)"" height=""([\d.]+)""")]
    private static partial Regex Rect();

    [GeneratedRegex(@"M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z")]
    private static partial Regex PathRect();
}
