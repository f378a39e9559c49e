using Lab.Domain.Common;
using SkiaSharp;
using Web.Barcodes;

namespace Tests.Barcodes;

/// <summary>The scan station's "upload a photo of a label": turned, scaled, JPEG-compressed images still read.</summary>
public class PhotoDecoding
{
    private readonly BarcodeDecoder _decoder = new();
    private readonly LabelContent _label = LabelSamples.Label(4711, LabelSamples.LongName);

    [Theory]
    [InlineData(90, 0.6, SKEncodedImageFormat.Png)]
    [InlineData(270, 0.6, SKEncodedImageFormat.Png)]
    [InlineData(180, 0.8, SKEncodedImageFormat.Jpeg)]
    [InlineData(90, 1.5, SKEncodedImageFormat.Jpeg)]
    public void ReadsALabelTurnedAndScaled(int degrees, double scale, SKEncodedImageFormat format)
    {
        var photo = Transform(LabelSamples.Renderer().Png(_label), degrees, scale, format);

        var decoded = _decoder.Decode(photo);

        Assert.Contains(new DecodedBarcode(_label.Barcode, BarcodeSymbology.Code128), decoded);
        Assert.Contains(new DecodedBarcode(_label.Barcode, BarcodeSymbology.QrCode), decoded);
        Assert.All(decoded, d => Assert.Equal(_label.Barcode, d.Text));
    }

    [Fact]
    public void ReadsALabelOnALargePhoto()
    {
        // A label filling part of a 12-megapixel frame on a grey desk.
        using var label = SKBitmap.Decode(Transform(LabelSamples.Renderer().Png(_label), 90, 2.5, SKEncodedImageFormat.Png));
        using var frame = new SKBitmap(4000, 3000);
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(new SKColor(120, 120, 115));
            canvas.DrawBitmap(label, 1400, 600, SKSamplingOptions.Default);
        }
        using var jpeg = frame.Encode(SKEncodedImageFormat.Jpeg, 85);

        var decoded = _decoder.Decode(jpeg.ToArray());

        Assert.Contains(decoded, d => d.Text == _label.Barcode);
    }

    [Fact]
    public void FindsNothingInAnImageWithoutCodes()
    {
        using var blank = new SKBitmap(400, 300);
        using (var canvas = new SKCanvas(blank)) canvas.Clear(SKColors.White);
        using var png = blank.Encode(SKEncodedImageFormat.Png, 100);

        Assert.Empty(_decoder.Decode(png.ToArray()));
    }

    [Fact]
    public void RefusesAFileThatIsNotAnImage()
    {
        var ex = Assert.Throws<DomainException>(() => _decoder.Decode("%PDF-1.7 not an image"u8.ToArray()));

        Assert.Equal("image-unreadable", ex.Code);
    }

    private static byte[] Transform(byte[] png, int degrees, double scale, SKEncodedImageFormat format)
    {
        using var source = SKBitmap.Decode(png);
        var turned = degrees % 180 != 0;
        var width = (int)Math.Round((turned ? source.Height : source.Width) * scale);
        var height = (int)Math.Round((turned ? source.Width : source.Height) * scale);
        using var result = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(result))
        {
            canvas.Clear(SKColors.White);
            canvas.Translate(width / 2f, height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Scale((float)scale);
            canvas.DrawBitmap(source, -source.Width / 2f, -source.Height / 2f, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }
        using var data = result.Encode(format, 85);
        return data.ToArray();
    }
}
