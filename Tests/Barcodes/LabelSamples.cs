using Lab.Domain.Numbering;
using Microsoft.Extensions.Options;
using SkiaSharp;
using Web.Barcodes;
using Web.Reports.Fonts;

namespace Tests.Barcodes;

/// <summary>Labels of the kind the lab prints, and the services that render and read them (no app host needed).</summary>
public static class LabelSamples
{
    public const string RequestNumber = "WT2026-00042";
    public const string UmbrellaName = "儿童直杆晴雨伞";
    /// <summary>Longer than any label line: must be cut with an ellipsis, never run off the label.</summary>
    public const string LongName = "三折全自动晴雨两用防紫外线折叠伞（黑胶涂层，八骨加固抗风款）";
    public static readonly DateOnly Date = new(2026, 5, 12);

    public static readonly CjkFonts Fonts = new(Options.Create(new CjkFontOptions()));

    public static LabelRenderer Renderer(LabelOptions? options = null) => new(Options.Create(options ?? new LabelOptions()), Fonts);

    public static string Barcode(long sequence) => Numbers.SampleBarcode(2026, sequence);

    public static LabelContent Label(long sequence = 123, string name = UmbrellaName, string? caption = "1/3") =>
        new(Barcode(sequence), RequestNumber, name, Date, caption);

    /// <summary>A request's worth of labels with varied names (Chinese, long, mixed with Latin).</summary>
    public static IReadOnlyList<LabelContent> Request(int samples)
    {
        string[] names = [UmbrellaName, LongName, "男士休闲运动鞋 Men's casual sneaker 42码", "涤纶梭织面料", "EVA 发泡鞋底材料"];
        return Enumerable.Range(0, samples)
            .Select(i => new LabelContent(Barcode(500 + i), RequestNumber, names[i % names.Length], Date, $"{i + 1}/{samples}"))
            .ToList();
    }

    /// <summary>A region of a PNG (pixels) as a PNG of its own.</summary>
    public static byte[] Crop(string pngFile, SKRectI region)
    {
        using var page = SKBitmap.Decode(pngFile);
        using var part = new SKBitmap(region.Width, region.Height);
        page.ExtractSubset(part, region);
        using var copy = part.Copy();
        using var data = copy.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static (int Width, int Height) PngSize(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        return (bitmap.Width, bitmap.Height);
    }
}
