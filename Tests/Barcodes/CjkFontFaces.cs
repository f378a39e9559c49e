using Microsoft.Extensions.Options;
using SkiaSharp;
using Web.Reports.Fonts;

namespace Tests.Barcodes;

/// <summary>The CJK font for PDFs: a face cut out of Debian's .ttc is a font of its own that has the glyphs.</summary>
public class CjkFontFaces
{
    private const string MicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    [Fact]
    public void FindsWenQuanYiMicroHeiOnDebian()
    {
        var file = CjkFontFile.Locate(new CjkFontOptions());

        Assert.Equal(new CjkFontFile(MicroHei, 0), file);
    }

    [Fact]
    public void FaceCutOutOfTheCollectionIsAStandaloneFontWithChineseGlyphs()
    {
        var face = TrueTypeCollection.ExtractFace(File.ReadAllBytes(MicroHei), 0);

        Assert.Equal([0, 1, 0, 0], face[..4]); // a TrueType font, not "ttcf"
        using var data = SKData.CreateCopy(face);
        using var typeface = SKTypeface.FromData(data);
        Assert.NotNull(typeface);
        Assert.Equal("WenQuanYi Micro Hei", typeface.FamilyName);
        using var font = new SKFont(typeface);
        Assert.True(font.ContainsGlyphs("晋江检测样品伞鞋 S2026-000123-7…"));
    }

    [Fact]
    public void SecondFaceIsTheMonospacedOne()
    {
        var face = TrueTypeCollection.ExtractFace(File.ReadAllBytes(MicroHei), 1);

        using var data = SKData.CreateCopy(face);
        using var typeface = SKTypeface.FromData(data);
        Assert.Equal("WenQuanYi Micro Hei Mono", typeface.FamilyName);
    }

    [Fact]
    public void RefusesAFaceTheCollectionDoesNotHave()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrueTypeCollection.ExtractFace(File.ReadAllBytes(MicroHei), 5));
    }

    [Fact]
    public void AConfiguredFontThatDoesNotExistIsReported()
    {
        var options = new CjkFontOptions { CjkFontPath = "/nowhere/msyh.ttc" };

        Assert.Throws<FileNotFoundException>(() => new CjkFonts(Options.Create(options)));
    }

    [Fact]
    public void SkiaTypefaceIsTheSameFont()
    {
        Assert.Equal("WenQuanYi Micro Hei", LabelSamples.Fonts.Typeface.FamilyName);
    }
}
