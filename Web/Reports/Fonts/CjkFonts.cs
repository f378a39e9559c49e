using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace Web.Reports.Fonts;

/// <summary>
/// The lab's font for anything with Chinese in it: PDFsharp fonts (a face cut out of the .ttc, embedded as a subset,
/// Unicode-encoded so the PDF's text can be searched and copied) and the SkiaSharp typeface for images (Skia reads
/// .ttc itself). Labels use it; certificates will too. One instance per app (a singleton).
/// </summary>
public sealed class CjkFonts
{
    private readonly Lazy<SKTypeface> _typeface;
    private readonly Lazy<string> _pdfFamily;

    public CjkFonts(IOptions<CjkFontOptions> options) : this(CjkFontFile.Locate(options.Value))
    {
    }

    public CjkFonts(CjkFontFile? file)
    {
        File = file;
        _typeface = new Lazy<SKTypeface>(LoadTypeface);
        _pdfFamily = new Lazy<string>(() => CjkFontResolver.Register(File ?? throw NoFont()));
    }

    /// <summary>The font file in use; null when no CJK font was found (images then fall back to any font with Chinese glyphs).</summary>
    public CjkFontFile? File { get; }

    public SKTypeface Typeface => _typeface.Value;

    /// <summary>The PDFsharp family name the CJK face is registered under.</summary>
    public string PdfFamily => _pdfFamily.Value;

    /// <summary>A PDF font of the CJK face; <paramref name="emSize"/> in points.</summary>
    public XFont PdfFont(double emSize, bool bold = false) =>
        new(PdfFamily, emSize, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private SKTypeface LoadTypeface()
    {
        if (File is not null && SKTypeface.FromFile(File.Path, File.FaceIndex) is { } typeface) return typeface;
        // No configured or known file: whatever fontconfig offers for a Chinese character, then Skia's default.
        return SKFontManager.Default.MatchCharacter('检') ?? SKTypeface.Default;
    }

    private static InvalidOperationException NoFont() => new(
        "No CJK font found for PDFs. Install one (Debian: apt-get install fonts-wqy-microhei) or set " +
        $"{CjkFontOptions.Section}:{nameof(CjkFontOptions.CjkFontPath)} to a .ttf/.ttc file.");
}
