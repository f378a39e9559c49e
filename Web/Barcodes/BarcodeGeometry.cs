using Lab.Domain.Common;
using Lab.Domain.Numbering;
using ZXing;
using ZXing.Common;
using ZXing.QrCode.Internal;

namespace Web.Barcodes;

/// <summary>
/// Module sizes and the symbols' module patterns, shared by the images, the labels and the ZPL.
/// The Code 128 module (X) is 10 mil (0.254 mm) rounded to whole printer dots: 2 dots at 203 dpi (0.250 mm), 3 at
/// 300, 6 at 600. Handheld laser and imager scanners read 10 mil comfortably, and whole dots keep every bar and space
/// the same width on a thermal head. A QR module is two Code 128 modules (0.5 mm at 203 dpi). Quiet zones: 10 X on
/// each side of Code 128 (ISO/IEC 15417), 4 modules around QR (ISO/IEC 18004).
/// </summary>
public static class BarcodeGeometry
{
    public const double NominalModuleMm = 0.254;
    public const int Code128QuietModules = 10;
    public const int QrQuietModules = 4;

    /// <summary>Error correction Q (25 %): a label that gets scuffed or splashed still reads; version 1 still holds a sample barcode.</summary>
    internal static readonly ErrorCorrectionLevel QrErrorCorrection = ErrorCorrectionLevel.Q;

    /// <summary>Printer dots per Code 128 module at <paramref name="dpi"/>.</summary>
    public static int ModuleDots(double dpi) => Math.Max(1, (int)Math.Round(dpi * NominalModuleMm / 25.4));

    /// <summary>Printer dots per QR module at <paramref name="dpi"/>.</summary>
    public static int QrModuleDots(double dpi) => 2 * ModuleDots(dpi);

    /// <summary>
    /// Refuses what must never be printed: text that reads as a sample barcode with a wrong check character. Other
    /// text (a request number, a verification link) passes; a sample barcode comes back in its canonical upper case.
    /// </summary>
    public static string Checked(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw new ArgumentException("A barcode needs text.", nameof(text));
        // Samples, specimens and storage locations all carry a check character: none is printed with a wrong one.
        var reading = Numbers.ReadScan(trimmed);
        return reading.Problem switch
        {
            null => reading.Code!,
            BarcodeProblem.WrongCheckCharacter => throw new DomainException("barcode-invalid", $"'{trimmed}' is not a valid lab barcode: its check character is wrong."),
            _ => trimmed,
        };
    }

    /// <summary>The symbol's modules without quiet zone: a 1-row matrix for Code 128, the square for QR.</summary>
    internal static BitMatrix Modules(string text, BarcodeSymbology symbology)
    {
        var hints = new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 0 };
        return symbology switch
        {
            BarcodeSymbology.Code128 => new ZXing.OneD.Code128Writer().encode(text, BarcodeFormat.CODE_128, 1, 1, hints),
            BarcodeSymbology.QrCode => new ZXing.QrCode.QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 1, 1, QrHints(hints)),
            _ => throw new ArgumentOutOfRangeException(nameof(symbology)),
        };
    }

    internal static Dictionary<EncodeHintType, object> QrHints(Dictionary<EncodeHintType, object> hints)
    {
        hints[EncodeHintType.ERROR_CORRECTION] = QrErrorCorrection;
        hints[EncodeHintType.CHARACTER_SET] = "UTF-8";
        hints[EncodeHintType.DISABLE_ECI] = true;
        return hints;
    }

    internal static BarcodeFormat Format(BarcodeSymbology symbology) => symbology switch
    {
        BarcodeSymbology.Code128 => BarcodeFormat.CODE_128,
        BarcodeSymbology.QrCode => BarcodeFormat.QR_CODE,
        _ => throw new ArgumentOutOfRangeException(nameof(symbology)),
    };
}
