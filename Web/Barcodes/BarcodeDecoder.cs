using System.Runtime.InteropServices;
using Lab.Domain.Common;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Web.Barcodes;

/// <summary>A code read from an image.</summary>
public sealed record DecodedBarcode(string Text, BarcodeSymbology Symbology);

/// <summary>Reads the barcodes in a photo or scan of a label (the scan station's "upload a photo").</summary>
public interface IBarcodeDecoder
{
    /// <summary>
    /// Every Code 128 and QR code found in a JPEG or PNG, each text once per symbology, Code 128 first. Empty when the
    /// image holds none; a file that is not an image is refused (DomainException "image-unreadable").
    /// </summary>
    IReadOnlyList<DecodedBarcode> Decode(byte[] image);
}

/// <summary>
/// ZXing on SkiaSharp pixels: decode → BGRA → <see cref="RGBLuminanceSource"/> → <see cref="BarcodeReaderGeneric"/>
/// (TryHarder, several codes per image). A label photographed sideways or upside down reads too: Code 128 is tried
/// along rows and, on a copy turned by 90°, along columns. A large photo is also tried at a smaller scale, where
/// ZXing's binarizer copes better with a code that fills much of the frame.
/// </summary>
public sealed class BarcodeDecoder : IBarcodeDecoder
{
    private const int LongSideForSecondScale = 2000;
    private const int SecondScaleLongSide = 1200;

    public IReadOnlyList<DecodedBarcode> Decode(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        using var decoded = codec is null ? null : SKBitmap.Decode(codec);
        if (decoded is null) throw new DomainException("image-unreadable", "The file is not a JPEG or PNG image that can be read.");
        using var bitmap = decoded.ColorType == SKColorType.Bgra8888 ? null : decoded.Copy(SKColorType.Bgra8888);
        var source = bitmap ?? decoded;

        var found = new List<DecodedBarcode>();
        Read(source, found);
        if (!found.Any(f => f.Symbology == BarcodeSymbology.Code128))
        {
            using var turned = Rotate90(source);
            Read(turned, found);
        }
        if (found.Count < 2 && Math.Max(source.Width, source.Height) > LongSideForSecondScale)
        {
            using var smaller = Scale(source, (double)SecondScaleLongSide / Math.Max(source.Width, source.Height));
            Read(smaller, found);
        }
        return found.OrderBy(f => f.Symbology).ToList();
    }

    /// <summary>
    /// One pass per symbology: ZXing's multiple-code reader, once it has found the QR code of a label, looks for more
    /// only in the parts of the image beside that code and misses the Code 128 above it.
    /// </summary>
    private static void Read(SKBitmap bitmap, List<DecodedBarcode> found)
    {
        var luminance = Luminance(bitmap);
        foreach (var symbology in (BarcodeSymbology[])[BarcodeSymbology.Code128, BarcodeSymbology.QrCode])
        {
            var reader = new BarcodeReaderGeneric
            {
                AutoRotate = true,
                Options = new DecodingOptions { TryHarder = true, PossibleFormats = [BarcodeGeometry.Format(symbology)] },
            };
            foreach (var result in reader.DecodeMultiple(luminance) ?? [])
            {
                if (string.IsNullOrEmpty(result.Text)) continue;
                var item = new DecodedBarcode(result.Text, symbology);
                if (!found.Contains(item)) found.Add(item);
            }
        }
    }

    private static RGBLuminanceSource Luminance(SKBitmap bitmap)
    {
        var rowBytes = bitmap.Width * 4;
        var pixels = new byte[rowBytes * bitmap.Height];
        var address = bitmap.GetPixels();
        for (var y = 0; y < bitmap.Height; y++)
            Marshal.Copy(address + y * bitmap.RowBytes, pixels, y * rowBytes, rowBytes);
        return new RGBLuminanceSource(pixels, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
    }

    private static SKBitmap Rotate90(SKBitmap bitmap)
    {
        var turned = new SKBitmap(new SKImageInfo(bitmap.Height, bitmap.Width, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.White);
        canvas.Translate(bitmap.Height, 0);
        canvas.RotateDegrees(90);
        canvas.DrawBitmap(bitmap, 0, 0, SKSamplingOptions.Default);
        return turned;
    }

    private static SKBitmap Scale(SKBitmap bitmap, double factor)
    {
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * factor)), Math.Max(1, (int)(bitmap.Height * factor)), SKColorType.Bgra8888, SKAlphaType.Premul);
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidOperationException("SkiaSharp could not scale the image.");
    }
}
