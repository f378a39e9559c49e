using System.Globalization;
using ZXing;
using ZXing.Common;
using ZXing.OneD;
using ZXing.QrCode;

namespace Web.Barcodes;

/// <summary>A barcode on its own, as an image for a web page, an email or a report.</summary>
public interface IBarcodeImages
{
    /// <summary>SVG with quiet zones, sized in millimetres for printing at <paramref name="dpi"/>.</summary>
    string Svg(string text, BarcodeSymbology symbology, double dpi = BarcodeImages.ThermalDpi);

    /// <summary>Greyscale PNG with quiet zones, in whole printer dots at <paramref name="dpi"/> (recorded in the file).</summary>
    byte[] Png(string text, BarcodeSymbology symbology, double dpi = BarcodeImages.ThermalDpi);
}

/// <summary>
/// Code 128 and QR images made by ZXing (SVG by <see cref="BarcodeWriterSvg"/>, pixels by
/// <see cref="BarcodeWriterPixelData"/> rasterised with SkiaSharp), at the module sizes of <see cref="BarcodeGeometry"/>.
/// Text that reads as a sample barcode with a wrong check character is refused.
/// </summary>
public sealed class BarcodeImages : IBarcodeImages
{
    /// <summary>The resolution of the lab's thermal label printers.</summary>
    public const double ThermalDpi = 203;

    /// <summary>Code 128 bar height of a standalone image: 10 mm, well above ISO's 15 % of the symbol's width.</summary>
    public const double Code128HeightMm = 10;

    public string Svg(string text, BarcodeSymbology symbology, double dpi = ThermalDpi)
    {
        var value = BarcodeGeometry.Checked(text);
        var size = Size(value, symbology, dpi);
        var writer = new BarcodeWriterSvg { Format = BarcodeGeometry.Format(symbology), Options = Options(symbology, size) };
        // ZXing's SVG is in modules (a viewBox) with a CSS background only: give it a physical size and a white ground.
        var svg = writer.Write(value).Content;
        var mmPerModule = size.ModuleDots * 25.4 / dpi;
        var attributes = string.Create(CultureInfo.InvariantCulture,
            $"<svg width=\"{size.WidthModules * mmPerModule:0.###}mm\" height=\"{size.HeightModules * mmPerModule:0.###}mm\" ");
        var at = svg.IndexOf("<svg ", StringComparison.Ordinal);
        svg = svg[..at] + attributes + svg[(at + 5)..];
        var body = svg.IndexOf('>', at) + 1;
        return svg[..body] + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>" + svg[body..];
    }

    public byte[] Png(string text, BarcodeSymbology symbology, double dpi = ThermalDpi)
    {
        var value = BarcodeGeometry.Checked(text);
        var size = Size(value, symbology, dpi);
        var writer = new BarcodeWriterPixelData
        {
            Format = BarcodeGeometry.Format(symbology),
            Options = Options(symbology, size with { WidthModules = size.WidthModules * size.ModuleDots, HeightModules = size.HeightModules * size.ModuleDots }),
        };
        var pixels = writer.Write(value);
        using var bitmap = PngEncoding.FromBgra(pixels.Pixels, pixels.Width, pixels.Height);
        return PngEncoding.Encode(bitmap, dpi);
    }

    /// <summary>Whole symbol with quiet zones, in modules, and dots per module.</summary>
    private sealed record SymbolSize(int WidthModules, int HeightModules, int ModuleDots, int QuietModules);

    private static SymbolSize Size(string text, BarcodeSymbology symbology, double dpi)
    {
        var modules = BarcodeGeometry.Modules(text, symbology);
        return symbology switch
        {
            BarcodeSymbology.Code128 => new SymbolSize(
                modules.Width + 2 * BarcodeGeometry.Code128QuietModules,
                (int)Math.Round(Code128HeightMm * dpi / 25.4 / BarcodeGeometry.ModuleDots(dpi)),
                BarcodeGeometry.ModuleDots(dpi),
                BarcodeGeometry.Code128QuietModules),
            _ => new SymbolSize(
                modules.Width + 2 * BarcodeGeometry.QrQuietModules,
                modules.Height + 2 * BarcodeGeometry.QrQuietModules,
                BarcodeGeometry.QrModuleDots(dpi),
                BarcodeGeometry.QrQuietModules),
        };
    }

    /// <summary>ZXing options for an output of exactly <paramref name="size"/> (its margin is per side, in modules).</summary>
    private static EncodingOptions Options(BarcodeSymbology symbology, SymbolSize size)
    {
        EncodingOptions options = symbology == BarcodeSymbology.Code128
            ? new Code128EncodingOptions()
            : new QrCodeEncodingOptions { ErrorCorrection = BarcodeGeometry.QrErrorCorrection, CharacterSet = "UTF-8", DisableECI = true };
        options.Width = size.WidthModules;
        options.Height = size.HeightModules;
        options.Margin = size.QuietModules;
        options.PureBarcode = true;
        return options;
    }
}
