using Lab.Domain.Common;
using Tests.Infrastructure;
using Web.Barcodes;

namespace Tests.Barcodes;

/// <summary>A barcode image must read back as exactly its text, with ZXing and with an independent decoder (zbarimg).</summary>
public sealed class BarcodeImageDecoding : IDisposable
{
    private readonly string _folder = TestFolders.NewTemp("barcodes");
    private readonly BarcodeImages _images = new();
    private readonly BarcodeDecoder _decoder = new();

    public static TheoryData<long> Sequences => [1, 123, 100, 999999, 1234567];

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Code128PngReadsBackWithZxingAndZbar(long sequence)
    {
        var barcode = LabelSamples.Barcode(sequence);

        var png = _images.Png(barcode, BarcodeSymbology.Code128);

        Assert.Equal([new DecodedBarcode(barcode, BarcodeSymbology.Code128)], _decoder.Decode(png));
        var zbar = Assert.Single(ExternalTools.Zbar(png, _folder, "code128.png"));
        Assert.True(zbar.IsCode128, zbar.Type);
        Assert.Equal(barcode, zbar.Data);
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void QrPngReadsBackWithZxingAndZbar(long sequence)
    {
        var barcode = LabelSamples.Barcode(sequence);

        var png = _images.Png(barcode, BarcodeSymbology.QrCode);

        Assert.Equal([new DecodedBarcode(barcode, BarcodeSymbology.QrCode)], _decoder.Decode(png));
        var zbar = Assert.Single(ExternalTools.Zbar(png, _folder, "qr.png"));
        Assert.True(zbar.IsQr, zbar.Type);
        Assert.Equal(barcode, zbar.Data);
    }

    [Fact]
    public void Code128PngIsTwoDotsPerModuleWithTenModuleQuietZonesAt203Dpi()
    {
        var barcode = LabelSamples.Barcode(123); // 178 modules

        var (width, height) = LabelSamples.PngSize(_images.Png(barcode, BarcodeSymbology.Code128));

        Assert.Equal((178 + 2 * 10) * 2, width);
        Assert.Equal(80, height); // 10 mm at 203 dpi
    }

    [Fact]
    public void QrPngIsFourDotsPerModuleWithFourModuleQuietZonesAt203Dpi()
    {
        var (width, height) = LabelSamples.PngSize(_images.Png(LabelSamples.Barcode(123), BarcodeSymbology.QrCode));

        Assert.Equal((21 + 2 * 4) * 4, width); // version 1
        Assert.Equal(width, height);
    }

    [Theory]
    [InlineData(BarcodeSymbology.Code128)]
    [InlineData(BarcodeSymbology.QrCode)]
    public void SvgDrawsTheSameSymbolAtItsPrintedSize(BarcodeSymbology symbology)
    {
        var barcode = LabelSamples.Barcode(123);

        var svg = _images.Svg(barcode, symbology);

        Assert.StartsWith("<?xml", svg);
        Assert.Contains(symbology == BarcodeSymbology.Code128 ? "width=\"49.549mm\"" : "width=\"14.514mm\"", svg);
        var png = SvgRaster.Render(svg, pixelsPerUnit: 3);
        Assert.Contains(new DecodedBarcode(barcode, symbology), _decoder.Decode(png));
        Assert.Contains(ExternalTools.Zbar(png, _folder, "svg.png"), s => s.Data == barcode);
    }

    [Theory]
    [InlineData(BarcodeSymbology.Code128)]
    [InlineData(BarcodeSymbology.QrCode)]
    public void RefusesASampleBarcodeWithAWrongCheckCharacter(BarcodeSymbology symbology)
    {
        var barcode = LabelSamples.Barcode(123);
        var wrong = barcode[..^1] + (barcode[^1] == '0' ? '1' : '0');

        Assert.Equal("barcode-invalid", Assert.Throws<DomainException>(() => _images.Png(wrong, symbology)).Code);
        Assert.Equal("barcode-invalid", Assert.Throws<DomainException>(() => _images.Svg(wrong, symbology)).Code);
    }

    [Fact]
    public void EncodesOtherTextsAsGiven()
    {
        const string link = "https://lims.example.cn/verify/BG2026-00042?c=7F3A";

        var png = _images.Png(link, BarcodeSymbology.QrCode);

        Assert.Equal(link, Assert.Single(_decoder.Decode(png)).Text);
        Assert.Equal(link, Assert.Single(ExternalTools.Zbar(png, _folder, "link.png")).Data);
    }

    public void Dispose() => TestFolders.DeleteQuietly(_folder);
}
