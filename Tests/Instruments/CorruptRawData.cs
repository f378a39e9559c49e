using System.Text;
using Lab.Domain.Results;
using Web.Instruments;

namespace Tests.Instruments;

/// <summary>A damaged or wrong file is refused with a message that says what is wrong and on which line.</summary>
public class CorruptRawData
{
    private static readonly RawCapture Good = SeededCatalog.Capture("FTW-TEN", 11);

    private static string Text => Encoding.UTF8.GetString(Good.Content);

    private static string[] Lines => Text.TrimEnd('\n').Split('\n');

    private static RawDataFormatException Refused(string text) => Refused(Encoding.UTF8.GetBytes(text));

    private static RawDataFormatException Refused(byte[] content) =>
        Assert.Throws<RawDataFormatException>(() => RawDataParser.Parse(RawFormats.ForceCurve, content));

    private static string WithLine(int index, string replacement)
    {
        var lines = Lines;
        lines[index] = replacement;
        return string.Join('\n', lines) + "\n";
    }

    private static int FirstDataLine => Array.FindIndex(Lines, l => l.StartsWith("Units,", StringComparison.Ordinal)) + 1;

    [Fact]
    public void TheGoodFileParses() => Assert.IsType<ForceCurve>(RawDataParser.Parse(Good));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    public void AnEmptyFileIsRefused(string text)
    {
        var ex = Refused(text);
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void ATruncatedFileIsRefused()
    {
        var cut = Good.Content[..(Good.Content.Length / 2)];
        var ex = Refused(cut);
        Assert.Contains("truncated", ex.Message);
        Assert.Contains("without its End line", ex.Message);
    }

    [Fact]
    public void AFileOfAnotherFormatIsRefusedOnLine1()
    {
        var ex = Refused(WithLine(0, "Format,lablims-wind-ramp/1"));
        Assert.Equal(1, ex.Line);
        Assert.Contains("lablims-wind-ramp/1", ex.Message);
        Assert.Contains("lablims-force-curve/1", ex.Message);
    }

    [Fact]
    public void AFileWithoutTheHeaderIsRefusedOnLine1()
    {
        var ex = Refused("Time,Displacement,Force\n0,0,0\nEnd,1\n");
        Assert.Equal(1, ex.Line);
        Assert.StartsWith("Line 1: Expected 'Format,lablims-force-curve/1'", ex.Message);
    }

    [Fact]
    public void AMissingHeaderLineIsRefusedWhereItShouldBe()
    {
        var ex = Refused(WithLine(2, "Operator,li.wei"));
        Assert.Equal(3, ex.Line);
        Assert.Contains("Serial", ex.Message);
    }

    [Fact]
    public void ABadTimestampIsRefused()
    {
        var ex = Refused(WithLine(5, "Timestamp,26/11/2026 08:30"));
        Assert.Equal(6, ex.Line);
        Assert.Contains("UTC timestamp", ex.Message);
    }

    [Fact]
    public void ANonNumericValueIsRefusedNamingLineAndColumn()
    {
        var index = FirstDataLine + 10;
        var ex = Refused(WithLine(index, "12.5,3.1,abc"));
        Assert.Equal(index + 1, ex.Line);
        Assert.Equal($"Line {index + 1}: Force 'abc' is not a number.", ex.Message);
    }

    [Fact]
    public void ANotANumberValueIsRefused()
    {
        var index = FirstDataLine + 3;
        var ex = Refused(WithLine(index, "NaN,3.1,12"));
        Assert.Equal(index + 1, ex.Line);
        Assert.Contains("Time 'NaN' is not a finite number", ex.Message);
    }

    [Fact]
    public void ARowWithAMissingValueIsRefused()
    {
        var index = FirstDataLine + 5;
        var ex = Refused(WithLine(index, "12.5,3.1"));
        Assert.Equal(index + 1, ex.Line);
        Assert.Contains("2 values, expected 3", ex.Message);
    }

    [Fact]
    public void ALostRowIsCaughtByTheEndCount()
    {
        var lines = Lines.ToList();
        lines.RemoveAt(FirstDataLine + 20);
        var ex = Refused(string.Join('\n', lines) + "\n");
        Assert.Equal(lines.Count, ex.Line);
        Assert.Contains("rows are missing or extra", ex.Message);
    }

    [Fact]
    public void UnexpectedColumnsAreRefused()
    {
        var index = FirstDataLine - 2;
        var ex = Refused(WithLine(index, "Columns,Time,Displacement,Load"));
        Assert.Equal(index + 1, ex.Line);
        Assert.Contains("Expected columns Time, Displacement, Force", ex.Message);
    }

    [Fact]
    public void AColumnInTheWrongUnitIsRefused()
    {
        var index = FirstDataLine - 1;
        var ex = Refused(WithLine(index, "Units,s,mm,kN"));
        Assert.Equal(index + 1, ex.Line);
        Assert.Contains("Force is in 'kN'", ex.Message);
    }

    [Fact]
    public void ABadParameterIsRefused()
    {
        var index = Array.FindIndex(Lines, l => l.StartsWith("Parameter,Specimen width", StringComparison.Ordinal));
        var ex = Refused(WithLine(index, "Parameter,Specimen width,six,mm"));
        Assert.Equal(index + 1, ex.Line);
        Assert.Contains("'six' is not a number", ex.Message);
    }

    [Fact]
    public void TextAfterTheEndIsRefused()
    {
        var ex = Refused(Text + "0,0,0\n");
        Assert.Equal(Lines.Length + 1, ex.Line);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreRefused()
    {
        var ex = Refused([0x46, 0x6F, 0xFF, 0xFE, 0x0A]);
        Assert.Contains("UTF-8", ex.Message);
    }

    [Fact]
    public void AnUnknownFormatIsRefused() =>
        Assert.Throws<RawDataFormatException>(() => RawDataParser.Parse("lablims-force-curve/9", Good.Content));

    [Fact]
    public void AnotherMethodsFileIsRefusedByTheEngine()
    {
        var ex = Assert.Throws<RawDataFormatException>(() => ResultEngine.Compute("FOM-RTEN", Good));
        Assert.Equal(4, ex.Line);
        Assert.Contains("FTW-TEN", ex.Message);
    }

    [Fact]
    public void AFileOfTheWrongFormatForTheMethodIsRefusedByTheEngine()
    {
        var ex = Assert.Throws<RawDataFormatException>(() => ResultEngine.Compute("TEX-HYD", Good));
        Assert.Contains(RawFormats.Hydrostatic, ex.Message);
    }

    [Fact]
    public void AValidFileMissingAParameterTheCalculationNeedsGivesNoResult()
    {
        var lines = Lines.Where(l => !l.StartsWith("Parameter,Specimen thickness", StringComparison.Ordinal)).ToArray();
        var capture = Good with { Content = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n") };
        var ex = Assert.Throws<CalculationException>(() => ResultEngine.Compute("FTW-TEN", capture));
        Assert.Contains("Specimen thickness", ex.Message);
    }

    [Fact]
    public void QuotedTextWithCommasReadsBack()
    {
        var capture = SeededCatalog.Capture("UMB-AZO", 2);
        Assert.Contains("\"3,3'-dichlorobenzidine\"", Encoding.UTF8.GetString(capture.Content));
        var record = Assert.IsType<ConcentrationData>(RawDataParser.Parse(capture));
        Assert.Contains(record.Readings, r => r.Analyte == "3,3'-dichlorobenzidine");
    }
}
