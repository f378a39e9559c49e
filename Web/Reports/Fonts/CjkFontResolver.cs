using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Web.Reports.Fonts;

/// <summary>
/// PDFsharp's font source. PDFsharp keeps one resolver per process and refuses a change once a font was used, so
/// this one is installed once (<see cref="Register"/>) and serves every font file registered with it, each under a
/// family name of its own. A family it does not know (say "Arial", asked for by other code) gets the first
/// registered face: on Linux PDFsharp has no fonts at all, and the CJK faces carry Latin glyphs too.
/// Bold and italic are simulated (the CJK fonts have one weight).
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    private const string FamilyPrefix = "LabLims CJK";
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<CjkFontFile, string> FamilyByFile = new();
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> FaceByName = new(StringComparer.OrdinalIgnoreCase);
    private static string? _defaultFamily;

    private CjkFontResolver() { }

    /// <summary>Installs the resolver (once per process) and registers the file; returns the family name to create XFonts with.</summary>
    public static string Register(CjkFontFile file)
    {
        if (FamilyByFile.TryGetValue(file, out var known)) return known;
        lock (Gate)
        {
            if (FamilyByFile.TryGetValue(file, out known)) return known;
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new CjkFontResolver();
                    break;
                case CjkFontResolver:
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Another PDFsharp font resolver ({GlobalFontSettings.FontResolver.GetType().Name}) is installed; PDFs with Chinese text need {nameof(CjkFontResolver)}.");
            }
            var family = FamilyByFile.IsEmpty ? FamilyPrefix : $"{FamilyPrefix} {FamilyByFile.Count + 1}";
            FaceByName[family] = new Lazy<byte[]>(file.ReadFace);
            FamilyByFile[file] = family;
            _defaultFamily ??= family;
            return family;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        var face = FaceByName.ContainsKey(familyName) ? familyName : _defaultFamily;
        return face is null ? null : new FontResolverInfo(face, isBold, isItalic);
    }

    public byte[]? GetFont(string faceName) => FaceByName.TryGetValue(faceName, out var face) ? face.Value : null;
}
