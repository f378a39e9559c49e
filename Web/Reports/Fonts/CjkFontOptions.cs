namespace Web.Reports.Fonts;

/// <summary>
/// The "Fonts" section: which font file draws Chinese in PDFs and images. Empty: the first of
/// <see cref="CjkFontFile.KnownLocations"/> that exists (WenQuanYi Micro Hei on Debian, Microsoft YaHei on Windows,
/// PingFang on macOS).
/// </summary>
public sealed class CjkFontOptions
{
    public const string Section = "Fonts";

    /// <summary>A .ttf, .otf or .ttc file with CJK and Latin glyphs.</summary>
    public string? CjkFontPath { get; set; }

    /// <summary>The face to use when <see cref="CjkFontPath"/> is a collection (.ttc).</summary>
    public int CjkFaceIndex { get; set; }
}
