namespace Web.Reports.Fonts;

/// <summary>A font file with Chinese and Latin glyphs, and the face of it to use when it is a collection.</summary>
public sealed record CjkFontFile(string Path, int FaceIndex)
{
    /// <summary>
    /// Where the usual CJK fonts live, in the order tried: Debian's fonts-wqy-microhei (what test.sh installs), other
    /// Linux CJK fonts, then Windows (Microsoft YaHei, SimHei, SimSun) and macOS (PingFang, Hiragino Sans GB).
    /// </summary>
    public static IReadOnlyList<CjkFontFile> KnownLocations { get; } = BuildKnownLocations();

    /// <summary>The configured file when it exists, otherwise the first known location that exists; null when none does.</summary>
    public static CjkFontFile? Locate(CjkFontOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CjkFontPath))
        {
            var configured = System.IO.Path.GetFullPath(options.CjkFontPath);
            if (!File.Exists(configured))
                throw new FileNotFoundException($"The configured CJK font ({CjkFontOptions.Section}:{nameof(CjkFontOptions.CjkFontPath)}) does not exist.", configured);
            return new CjkFontFile(configured, options.CjkFaceIndex);
        }
        return KnownLocations.FirstOrDefault(f => File.Exists(f.Path));
    }

    /// <summary>The face as a standalone TrueType/OpenType file (cut out of a collection when need be).</summary>
    public byte[] ReadFace() => TrueTypeCollection.ExtractFace(File.ReadAllBytes(Path), FaceIndex);

    private static List<CjkFontFile> BuildKnownLocations()
    {
        var list = new List<CjkFontFile>
        {
            new("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
            new("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
            new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2), // face 2 is Noto Sans CJK SC
            new("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
        };
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (string.IsNullOrEmpty(windows) && OperatingSystem.IsWindows())
            windows = System.IO.Path.Combine(Environment.GetEnvironmentVariable("WINDIR") ?? @"C:\Windows", "Fonts");
        if (!string.IsNullOrEmpty(windows))
        {
            list.Add(new(System.IO.Path.Combine(windows, "msyh.ttc"), 0)); // Microsoft YaHei
            list.Add(new(System.IO.Path.Combine(windows, "msyh.ttf"), 0));
            list.Add(new(System.IO.Path.Combine(windows, "simhei.ttf"), 0));
            list.Add(new(System.IO.Path.Combine(windows, "simsun.ttc"), 0));
        }
        list.Add(new("/System/Library/Fonts/PingFang.ttc", 0));
        list.Add(new("/System/Library/Fonts/Hiragino Sans GB.ttc", 0));
        list.Add(new("/Library/Fonts/Arial Unicode.ttf", 0));
        return list;
    }
}
