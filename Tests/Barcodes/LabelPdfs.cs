using SkiaSharp;
using Tests.Infrastructure;
using UglyToad.PdfPig;
using Web.Barcodes;

namespace Tests.Barcodes;

/// <summary>
/// A request's label PDFs as poppler renders them (300 dpi): every barcode is found, once as Code 128 and once as QR,
/// by zbarimg and by ZXing; the text layer carries the Chinese sample names and the request number.
/// </summary>
public sealed class LabelPdfs : IDisposable
{
    private const int Dpi = 300;
    private readonly string _folder = TestFolders.NewTemp("label-pdf");
    private readonly LabelRenderer _renderer = LabelSamples.Renderer();
    private readonly BarcodeDecoder _decoder = new();

    [Fact]
    public void A4SheetOf30SamplesSpansTwoPagesAndEveryBarcodeReadsOnceWithZbarAndZxing()
    {
        var labels = LabelSamples.Request(30);

        var pdf = _renderer.Pdf(labels, LabelPdfLayout.A4Sheet);

        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Equal(2, document.NumberOfPages);
            Assert.All(document.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        }
        var pages = ExternalTools.PdfToPngs(pdf, _folder, Dpi);
        Assert.Equal(2, pages.Count);

        // Whole pages: every Code 128 once across both pages, nothing read that is not one of the request's codes.
        var symbols = pages.SelectMany(ExternalTools.Zbar).ToList();
        var expected = labels.Select(l => l.Barcode).Order().ToList();
        Assert.Equal(expected, symbols.Where(s => s.IsCode128).Select(s => s.Data).Order());
        Assert.All(symbols, s => Assert.Contains(s.Data, expected));
        Assert.Equal(symbols.Count(s => s.IsQr), symbols.Where(s => s.IsQr).Select(s => s.Data).Distinct().Count());

        // Label by label (zbar's QR finder loses some of 24 QR codes lined up on one page, never one on its own):
        // each cell holds its own sample's Code 128 and QR code, for zbar and for ZXing.
        for (var i = 0; i < labels.Count; i++)
        {
            var cell = LabelSamples.Crop(pages[i / A4LabelSheet.LabelsPerPage], CellPixels(i));
            var zbar = ExternalTools.Zbar(cell, _folder, $"cell-{i}.png");
            Assert.Equal([("CODE-128", labels[i].Barcode), ("QR-Code", labels[i].Barcode)], zbar.Select(s => (s.Type, s.Data)).Order());
            Assert.Equal(
                [new DecodedBarcode(labels[i].Barcode, BarcodeSymbology.Code128), new DecodedBarcode(labels[i].Barcode, BarcodeSymbology.QrCode)],
                _decoder.Decode(cell));
        }
    }

    [Fact]
    public void ThermalPdfHasOne50By30PagePerLabelReadingWithZbarAndZxing()
    {
        var labels = LabelSamples.Request(4).Append(LabelSamples.Label(1234567, LabelSamples.LongName)).ToList(); // and a 7-digit code

        var pdf = _renderer.Pdf(labels, LabelPdfLayout.Thermal);

        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Equal(5, document.NumberOfPages);
            Assert.All(document.GetPages(), p => Assert.Equal((141.7, 85.0), (Math.Round(p.Width, 1), Math.Round(p.Height, 1))));
        }
        var pages = ExternalTools.PdfToPngs(pdf, _folder, Dpi);
        Assert.Equal(5, pages.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var zbar = ExternalTools.Zbar(pages[i]);
            Assert.Equal(2, zbar.Count);
            Assert.All(zbar, s => Assert.Equal(labels[i].Barcode, s.Data));
            Assert.Contains(zbar, s => s.IsCode128);
            Assert.Contains(zbar, s => s.IsQr);
            Assert.Equal(
                [new DecodedBarcode(labels[i].Barcode, BarcodeSymbology.Code128), new DecodedBarcode(labels[i].Barcode, BarcodeSymbology.QrCode)],
                _decoder.Decode(File.ReadAllBytes(pages[i])));
        }
    }

    [Fact]
    public void ThermalPdfOf30SamplesReadsEveryBarcodeOnce()
    {
        var labels = LabelSamples.Request(30);

        var pages = ExternalTools.PdfToPngs(_renderer.Pdf(labels, LabelPdfLayout.Thermal), _folder, Dpi);

        var symbols = pages.SelectMany(ExternalTools.Zbar).ToList();
        var expected = labels.Select(l => l.Barcode).Order().ToList();
        Assert.Equal(expected, symbols.Where(s => s.IsCode128).Select(s => s.Data).Order());
        Assert.Equal(expected, symbols.Where(s => s.IsQr).Select(s => s.Data).Order());
    }

    [Theory]
    [InlineData(LabelPdfLayout.A4Sheet)]
    [InlineData(LabelPdfLayout.Thermal)]
    public void TextCarriesTheChineseNameRequestNumberAndBarcode(LabelPdfLayout layout)
    {
        var labels = LabelSamples.Request(3);

        var text = ExternalTools.PdfToText(_renderer.Pdf(labels, layout), _folder);

        Assert.Contains(LabelSamples.UmbrellaName, text);
        Assert.Contains(LabelSamples.RequestNumber, text);
        Assert.Contains("男士休闲运动鞋", text);
        Assert.Contains("2026-05-12", text);
        Assert.All(labels, l => Assert.Contains(l.Barcode, text));
        // The long name is cut with an ellipsis: its start is there, its end is not.
        Assert.Contains("三折全自动晴雨", text);
        Assert.Contains("…", text);
        Assert.DoesNotContain("抗风款", text);
    }

    [Fact]
    public void PdfEmbedsTheCjkFontAsASubset()
    {
        var pdf = _renderer.Pdf(LabelSamples.Request(30), LabelPdfLayout.A4Sheet);

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        Assert.Contains(letters, l => l.Value == "伞");
        Assert.All(letters, l => Assert.Contains("WenQuanYi", l.FontName, StringComparison.OrdinalIgnoreCase));
        Assert.InRange(pdf.Length, 10_000, 1_000_000); // a subset, not the 5 MB collection
    }

    [Fact]
    public void RefusesAnEmptyRequest()
    {
        Assert.Throws<ArgumentException>(() => _renderer.Pdf([], LabelPdfLayout.A4Sheet));
    }

    /// <summary>The cell of the label at <paramref name="position"/> on its page rendered at 300 dpi, a pixel inside its edges.</summary>
    private static SKRectI CellPixels(int position)
    {
        var (x, y) = A4LabelSheet.Cell(position);
        return SKRectI.Create(Px(x) + 1, Px(y) + 1, Px(A4LabelSheet.CellWidthMm) - 2, Px(A4LabelSheet.CellHeightMm) - 2);
    }

    private static int Px(double mm) => (int)Math.Round(mm * Dpi / 25.4);

    public void Dispose() => TestFolders.DeleteQuietly(_folder);
}
