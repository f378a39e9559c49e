using Tests.Infrastructure;
using Web.Barcodes;
using Xunit.Abstractions;

namespace Tests.Barcodes;

/// <summary>
/// The one console check: writes every kind of output for a 30-sample request to TestResults/labels/ (PNG, SVG, both
/// PDFs, ZPL, and the PDFs' pages as poppler renders them) so a person can look at them, and says where they are.
/// </summary>
public class LabelPreview(ITestOutputHelper output)
{
    [Fact]
    public void WritesEveryOutputForLooking()
    {
        var folder = Path.Combine(TestFolders.Results, "labels");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var renderer = LabelSamples.Renderer();
        var labels = LabelSamples.Request(30);
        var images = new BarcodeImages();

        File.WriteAllBytes(Path.Combine(folder, "label.png"), renderer.Png(labels[0]));
        File.WriteAllBytes(Path.Combine(folder, "label-long-name.png"), renderer.Png(labels[1]));
        File.WriteAllText(Path.Combine(folder, "label.svg"), renderer.Svg(labels[1]));
        File.WriteAllBytes(Path.Combine(folder, "code128.png"), images.Png(labels[0].Barcode, BarcodeSymbology.Code128));
        File.WriteAllBytes(Path.Combine(folder, "qr.png"), images.Png(labels[0].Barcode, BarcodeSymbology.QrCode));
        File.WriteAllText(Path.Combine(folder, "code128.svg"), images.Svg(labels[0].Barcode, BarcodeSymbology.Code128));
        File.WriteAllText(Path.Combine(folder, "labels.zpl"), renderer.Zpl(labels));
        var sheet = renderer.Pdf(labels, LabelPdfLayout.A4Sheet);
        var thermal = renderer.Pdf([.. labels.Take(3), LabelSamples.Label(1234567, "EVA 发泡鞋底材料 (7-digit sequence)")], LabelPdfLayout.Thermal);
        File.WriteAllBytes(Path.Combine(folder, "sheet.pdf"), sheet);
        File.WriteAllBytes(Path.Combine(folder, "thermal.pdf"), thermal);
        var sheetPages = Directory.CreateDirectory(Path.Combine(folder, "sheet-pages")).FullName;
        var thermalPages = Directory.CreateDirectory(Path.Combine(folder, "thermal-pages")).FullName;
        var rendered = ExternalTools.PdfToPngs(sheet, sheetPages).Concat(ExternalTools.PdfToPngs(thermal, thermalPages)).ToList();

        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order())
            output.WriteLine($"{new FileInfo(file).Length,9:N0} bytes  {file}");
        Assert.Equal(2 + 4, rendered.Count);
    }
}
