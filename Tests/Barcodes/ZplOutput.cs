using Web.Barcodes;

namespace Tests.Barcodes;

/// <summary>ZPL for a Zebra printer at 203 dpi: Code 128 and QR of the barcode, UTF-8, the sample name in the printer's CJK font.</summary>
public class ZplOutput
{
    private readonly LabelRenderer _renderer = LabelSamples.Renderer();

    [Fact]
    public void HasCode128AndQrOfTheBarcodeInUtf8()
    {
        var label = LabelSamples.Label();

        var zpl = _renderer.Zpl([label]);

        Assert.StartsWith("^XA\n^CI28\n", zpl);
        Assert.EndsWith("^XZ\n", zpl);
        Assert.Contains($"^BY2,3,65^BCN,65,N,N,N,A^FD{label.Barcode}^FS", zpl); // 2 dots = 0.25 mm modules
        Assert.Contains($"^BQN,2,4,Q^FDQA,{label.Barcode}^FS", zpl);            // 4 dots = 0.5 mm modules
        Assert.Contains("^PW400\n^LL240\n", zpl);                                // 50 × 30 mm at 203 dpi
        Assert.Contains($"^FD{LabelSamples.RequestNumber}^FS", zpl);
        Assert.Contains("^FD2026-05-12^FS", zpl);
    }

    [Fact]
    public void KeepsTwoDotModulesForASevenDigitSequence()
    {
        var label = LabelSamples.Label(1234567);

        var zpl = _renderer.Zpl([label]);

        Assert.Contains($"^BY2,3,65^BCN,65,N,N,N,A^FD{label.Barcode}^FS", zpl);
    }

    [Fact]
    public void WritesTheSampleNameInTheConfiguredCjkFont()
    {
        var renderer = LabelSamples.Renderer(new LabelOptions { ZplCjkFont = "E:ANMDS.TTF" });

        var zpl = renderer.Zpl([LabelSamples.Label()]);

        Assert.Contains($"^A@N,24,24,E:ANMDS.TTF^FH_^FD{LabelSamples.UmbrellaName}^FS", zpl);
        Assert.Contains("SIMSUN", _renderer.Zpl([LabelSamples.Label()]));
    }

    [Fact]
    public void CutsALongNameOnTwoLinesWithAnEllipsis()
    {
        var zpl = _renderer.Zpl([LabelSamples.Label(1, LabelSamples.LongName)]);

        var nameLines = zpl.Split('\n').Where(l => l.Contains("^A@", StringComparison.Ordinal) && !l.Contains("^FB", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, nameLines.Count);
        Assert.StartsWith("三折全自动", nameLines[0][(nameLines[0].IndexOf("^FD", StringComparison.Ordinal) + 3)..]);
        Assert.EndsWith("…^FS", nameLines[1]);
    }

    [Fact]
    public void EscapesCharactersZplWouldReadAsCommands()
    {
        var zpl = _renderer.Zpl([LabelSamples.Label(123, "伞^XZ~JR_x", "a\\b")]);

        Assert.Contains("^FD伞_5EXZ_7EJR_5Fx^FS", zpl);
        Assert.Contains("^FDa\\\\b^FS", zpl); // a field block reads \ as an escape: doubled
        Assert.Single(zpl.Split("^XZ", StringSplitOptions.None).SkipLast(1));
    }

    [Fact]
    public void WritesOneFormatPerLabel()
    {
        var labels = LabelSamples.Request(30);

        var zpl = _renderer.Zpl(labels);

        Assert.Equal(30, zpl.Split("^XA", StringSplitOptions.None).Length - 1);
        Assert.All(labels, l => Assert.Contains($"^FDQA,{l.Barcode}^FS", zpl));
    }
}
