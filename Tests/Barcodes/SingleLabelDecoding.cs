using Tests.Infrastructure;
using Web.Barcodes;

namespace Tests.Barcodes;

/// <summary>The single label (PNG at 300 dpi, SVG): both its codes read back as the sample barcode, with ZXing and zbarimg.</summary>
public sealed class SingleLabelDecoding : IDisposable
{
    private readonly string _folder = TestFolders.NewTemp("label");
    private readonly LabelRenderer _renderer = LabelSamples.Renderer();
    private readonly BarcodeDecoder _decoder = new();

    public static TheoryData<long, string> Labels => new()
    {
        { 123, LabelSamples.UmbrellaName },
        { 1, LabelSamples.LongName },
        { 999999, "男士休闲运动鞋 Men's casual sneaker size 42 with a name much longer than the label" },
        { 1234567, "涤纶梭织面料" }, // seven digits: 189 modules, still on 50 mm
    };

    [Theory]
    [MemberData(nameof(Labels))]
    public void PngReadsBackAsTheBarcodeInCode128AndQr(long sequence, string name)
    {
        var label = LabelSamples.Label(sequence, name);

        var png = _renderer.Png(label);

        Assert.Equal(
            [new DecodedBarcode(label.Barcode, BarcodeSymbology.Code128), new DecodedBarcode(label.Barcode, BarcodeSymbology.QrCode)],
            _decoder.Decode(png));
        var zbar = ExternalTools.Zbar(png, _folder, "label.png");
        Assert.Equal(2, zbar.Count);
        Assert.All(zbar, s => Assert.Equal(label.Barcode, s.Data));
        Assert.Contains(zbar, s => s.IsCode128);
        Assert.Contains(zbar, s => s.IsQr);
    }

    [Fact]
    public void PngIs50By30MillimetresAt300Dpi()
    {
        var (width, height) = LabelSamples.PngSize(_renderer.Png(LabelSamples.Label()));

        Assert.Equal((591, 354), (width, height));
    }

    [Fact]
    public void PngFollowsTheConfiguredStockAndResolution()
    {
        var renderer = LabelSamples.Renderer(new LabelOptions { WidthMm = 60, HeightMm = 40, PngDpi = 203 });
        var label = LabelSamples.Label();

        var png = renderer.Png(label);

        Assert.Equal((480, 320), LabelSamples.PngSize(png));
        Assert.Equal(2, _decoder.Decode(png).Count(d => d.Text == label.Barcode));
        Assert.Equal(2, ExternalTools.Zbar(png, _folder, "label-203.png").Count(s => s.Data == label.Barcode));
    }

    [Fact]
    public void SvgCarriesBothCodesAndTheTexts()
    {
        var label = LabelSamples.Label(123, LabelSamples.LongName);

        var svg = _renderer.Svg(label);

        Assert.Contains("width=\"50mm\" height=\"30mm\" viewBox=\"0 0 50 30\"", svg);
        Assert.Contains($">{label.Barcode}</text>", svg);
        Assert.Contains($">{LabelSamples.RequestNumber}</text>", svg);
        Assert.Contains(">三折全自动晴雨", svg);
        Assert.Contains("…</text>", svg); // the long name is cut, not run off the label
        Assert.Contains(">2026-05-12</text>", svg);
        var png = SvgRaster.Render(svg, pixelsPerUnit: 300 / 25.4);
        Assert.Equal(2, _decoder.Decode(png).Count(d => d.Text == label.Barcode));
        Assert.Equal(2, ExternalTools.Zbar(png, _folder, "label-svg.png").Count(s => s.Data == label.Barcode));
    }

    [Fact]
    public void SvgEscapesMarkupInNames()
    {
        var svg = _renderer.Svg(LabelSamples.Label(123, "A&B <伞>"));

        Assert.Contains(">A&amp;B &lt;伞&gt;</text>", svg);
    }

    public void Dispose() => TestFolders.DeleteQuietly(_folder);
}
