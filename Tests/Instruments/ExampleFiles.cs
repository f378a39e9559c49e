using Lab.Domain.Results;
using Tests.Infrastructure;
using Web.Instruments;

namespace Tests.Instruments;

/// <summary>Web/Instruments/Examples holds one export per raw-data format, the reference for file imports.</summary>
public class ExampleFiles
{
    private static string Folder => Path.Combine(TestFolders.RepositoryRoot, "Web", "Instruments", "Examples");

    public static TheoryData<string> Formats() => new(RawFormats.All);

    /// <summary>lablims-force-curve/1 → force-curve.csv</summary>
    private static string FileFor(string format) => Path.Combine(Folder, format["lablims-".Length..format.IndexOf('/')] + ".csv");

    [Theory]
    [MemberData(nameof(Formats))]
    public void EachFormatHasAnExampleThatParses(string format)
    {
        var path = FileFor(format);
        Assert.True(File.Exists(path), $"No example for {format}: {path}");
        var capture = new RawCapture(format, File.ReadAllBytes(path), Path.GetExtension(path));

        var record = RawDataParser.Parse(capture);

        Assert.Equal(format, record.Format);
        Assert.Equal(capture.Content, RawDataWriter.Write(record));
        if (ResultEngine.Calculates(record.Header.Method))
            Assert.True(double.IsFinite(ResultEngine.Compute(record.Header.Method, capture).Value));
    }

    [Fact]
    public void ThereIsNoExampleOfAnUnknownFormat()
    {
        var known = RawFormats.All.Select(FileFor).Select(Path.GetFileName).ToHashSet();
        Assert.All(Directory.GetFiles(Folder, "*.csv"), f => Assert.Contains(Path.GetFileName(f), known));
    }
}
