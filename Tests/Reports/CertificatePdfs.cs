using System.Text.RegularExpressions;
using Lab.Domain.Catalog;
using Lab.Domain.Requests;
using SkiaSharp;
using Tests.Barcodes;
using Tests.Infrastructure;
using UglyToad.PdfPig;
using Web.Reports;

namespace Tests.Reports;

/// <summary>
/// The test report PDF as a reader sees it: the text PdfPig extracts holds every item of clause 7.8.2.1 in the
/// report's language(s), every page carries the report number and "page x of y", the QR code zbarimg reads from
/// poppler's rendering is the verification address, and the curves are drawn.
/// </summary>
public sealed partial class CertificatePdfs : IDisposable
{
    private readonly string _folder = TestFolders.NewTemp("certificate");
    private readonly CertificateRenderer _renderer = CertificateSamples.Renderer();

    public void Dispose() => TestFolders.DeleteQuietly(_folder);

    /// <summary>What a report must say (label and value), in Chinese and in English.</summary>
    private static readonly (string Zh, string En)[] RequiredItems =
    [
        ("检测报告", "Test Report"),
        ("晋江创新中心产品检测实验室", "Jinjiang Innovation Center Product Testing Laboratory"),
        ("福建省泉州市晋江市创新中心", "Innovation Center, Jinjiang, Quanzhou, Fujian, China"),
        ("报告编号", "Report No."),
        ("BG2026-00042", "BG2026-00042"),
        ("委托单位", "Customer"),
        ("晋江明辉伞业有限公司", "晋江明辉伞业有限公司"),
        ("联系人", "Contact"),
        ("林明辉", "林明辉"),
        ("生产单位", "Manufacturer"),
        ("委托单号", "Request No."),
        ("检测依据", "Method"),
        ("GB/T 23147-2018", "GB/T 23147-2018"),
        ("GB/T 18830-2009", "GB/T 18830-2009"),
        ("样品名称", "Description"),
        ("直杆晴雨伞 27 寸", "直杆晴雨伞 27 寸"),
        ("规格型号", "Model"),
        ("MH-L27-1", "MH-L27-1"),
        ("商标", "Brand"),
        ("样品编号", "Sample No."),
        ("S2026-000121-X", "S2026-000121-X"),
        ("样品状态", "Condition"),
        ("完好", "Intact"),
        ("数量不符", "Wrong quantity"),
        ("收样日期", "Date of receipt"),
        ("2026-11-20", "2026-11-20"),
        ("检测日期", "Date(s) of testing"),
        ("2026-11-21 ~ 2026-11-22", "2026-11-21 ~ 2026-11-22"),
        ("签发日期", "Date of issue"),
        ("2026-11-24", "2026-11-24"),
        ("检测地点", "Place of testing"),
        ("抽样", "Sampling"),
        ("委托方送样", "Items submitted by the customer"),
        ("检测环境条件", "Test conditions"),
        ("标准要求", "Requirement"),
        ("≥200 N，骨架无断裂", "≥ 200 N, no fracture"),
        ("检测结果", "Result"),
        ("236 N", "236 N"),
        ("单项判定", "Verdict"),
        ("合格", "Pass"),
        ("不合格", "Fail"),
        ("伞骨(骨架)强度", "Umbrella frame (rib) strength"),
        ("UMB-FRAME", "UMB-FRAME"),
        ("UTM-01", "UTM-01"),
        ("检测结论", "Conclusion"),
        ("判定规则", "Decision rule"),
        ("简单接受", "Simple acceptance"),
        ("主检", "Tested by"),
        ("陈技术、王检测", "陈技术、王检测"),
        ("审核", "Reviewed by"),
        ("李审核", "李审核"),
        ("2026-11-23 10:05", "2026-11-23 10:05"),
        ("批准", "Approved by"),
        ("张批准", "张批准"),
        ("2026-11-24 09:30", "2026-11-24 09:30"),
        ("备注", "Remarks"),
        ("本报告仅对来样负责", "The results relate only to the items tested"),
        ("未经本实验室书面批准，不得部分复制本报告", "This report shall not be reproduced except in full without the written approval of the laboratory"),
        ("报告结束", "End of report"),
        ("CMA", "CMA"),
        ("231312340123", "231312340123"),
        ("CNAS L12345", "CNAS L12345"),
        (CertificateSamples.Url, CertificateSamples.Url),
    ];

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Bilingual)]
    public void EveryRequiredItemIsPrintedInTheReportsLanguage(ReportLanguage language)
    {
        var pdf = _renderer.Render(CertificateSamples.Data(3, language));

        var text = string.Concat(PageTexts(pdf));
        foreach (var (zh, en) in RequiredItems)
        {
            if (language != ReportLanguage.En) Assert.True(text.Contains(Squeeze(zh), StringComparison.Ordinal), $"missing: {zh}");
            if (language != ReportLanguage.Zh) Assert.True(text.Contains(Squeeze(en), StringComparison.Ordinal), $"missing: {en}");
        }
        // One language means one: the other's labels are not there.
        if (language == ReportLanguage.Zh) Assert.DoesNotContain("TestReport", text);
        if (language == ReportLanguage.En) Assert.DoesNotContain("检测报告", text);
        // Bilingual labels sit side by side.
        if (language == ReportLanguage.Bilingual) Assert.Contains("委托单位Customer", text);
    }

    [Fact]
    public void TwelveSamplesByThreeMethodsRunOverPagesEachWithNumberPageOfPagesAndTheTableHeader()
    {
        var data = CertificateSamples.Data(12);

        var pdf = _renderer.Render(data);

        var pages = PageTexts(pdf);
        Assert.True(pages.Count >= 4, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"第{i + 1}页共{pages.Count}页", pages[i]);
            Assert.Contains($"Page{i + 1}of{pages.Count}", pages[i]);
            Assert.Contains("BG2026-00042", pages[i]);
            Assert.Contains("检测报告", pages[i]);
        }
        // Every result row is there, and each page the results table continues on repeats its header.
        var all = string.Concat(pages);
        // (each sample: its line in the items table and its three result rows)
        foreach (var sample in data.Samples) Assert.True(Regex.Matches(all, Regex.Escape(sample.Barcode)).Count >= 4, sample.Barcode);
        var withRows = pages.Where(p => p.Contains("UPF>40且T(UVA)AV<5%")).ToList();
        Assert.True(withRows.Count >= 2);
        Assert.All(withRows, p => Assert.Contains("标准要求Requirement", p));
        // The end mark once, on the last page, after everything else.
        Assert.Single(pages, p => p.Contains("报告结束"));
        Assert.Contains("报告结束", pages[^1]);
    }

    [Fact]
    public void NoTextRunsIntoTheMarginsOrOffThePage()
    {
        var data = CertificateSamples.Data(12) with
        {
            // A requirement far longer than a page: its row is split between pages, nothing is cut off.
            Results = [.. CertificateSamples.Data(12).Results.Take(2), CertificateSamples.Data(1).Results[2] with
            {
                Requirement = new CertificateText(
                    string.Concat(Enumerable.Range(1, 200).Select(i => $"紫外线防护系数应大于四十（Z{i:000}）；")),
                    string.Concat(Enumerable.Range(1, 200).Select(i => $"UPF greater than forty (E{i:000}); "))),
            }],
        };

        var pdf = _renderer.Render(data);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 4);
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var box = letter.BoundingBox;
                Assert.InRange(box.Left, 40, page.Width - 40);
                Assert.InRange(box.Right, 40, page.Width - 40);
                Assert.InRange(box.Bottom, 15, page.Height - 15);
            }
        }
        var text = string.Concat(PageTexts(pdf));
        // Every numbered part of the long requirement is there, in order, in both languages.
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"Z{i:000}"), Regex.Matches(text, @"Z\d{3}").Select(m => m.Value));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"E{i:000}"), Regex.Matches(text, @"E\d{3}").Select(m => m.Value));
    }

    [Fact]
    public void QrCodeOnEveryPageReadsAsTheVerificationAddressWithZbar()
    {
        var pdf = _renderer.Render(CertificateSamples.Data(1));
        // Kept as evidence (and the source of docs/certificate-page*.png).
        Directory.CreateDirectory(Path.Combine(TestFolders.Results, "certificates"));
        File.WriteAllBytes(Path.Combine(TestFolders.Results, "certificates", "example-bilingual.pdf"), pdf);

        var pngs = ExternalTools.PdfToPngs(pdf, _folder, dpi: 150);
        Assert.True(pngs.Count >= 2);
        foreach (var png in pngs)
            Assert.Equal([("QR-Code", CertificateSamples.Url)], ExternalTools.Zbar(png).Select(s => (s.Type, s.Data)));
    }

    [Fact]
    public void CurvesAreDrawnWithTheirAxes()
    {
        var pdf = _renderer.Render(CertificateSamples.Data(1));
        var without = _renderer.Render(CertificateSamples.Data(1, curves: false));

        var text = string.Concat(PageTexts(pdf));
        foreach (var label in new[] { "位移Displacement(mm)", "力Force(N)", "时间Time(s)", "风速Windspeed(m/s)", "波长Wavelength(nm)", "透射比Transmittance(%)", "检测曲线Curves" })
            Assert.Contains(label, text);
        Assert.DoesNotContain("检测曲线", string.Concat(PageTexts(without)));
        // The series are drawn in the chart blue: poppler's rendering has a good many such pixels only with curves.
        Assert.True(BluePixels(pdf) > 500, "no curve drawn");
        Assert.True(BluePixels(without) < 50);
    }

    [Fact]
    public void AmendedReportSaysWhichReportItReplacesAndWhyOnItsFirstPageAndEveryPageHeader()
    {
        var pdf = _renderer.Render(CertificateSamples.Data(3, amendment: new CertificateAmendment("BG2026-00040", "样品型号录入错误 / model number misspelt")));

        var pages = PageTexts(pdf);
        Assert.Contains("本报告替代报告BG2026-00040", pages[0]);
        Assert.Contains("ThisreportreplacesreportBG2026-00040", pages[0]);
        Assert.Contains("样品型号录入错误/modelnumbermisspelt", pages[0]);
        Assert.All(pages, p => Assert.Contains("替代报告BG2026-00040", p));
    }

    [Fact]
    public void SubcontractedResultsAreMarkedWithAFootnote()
    {
        var marked = string.Concat(PageTexts(_renderer.Render(CertificateSamples.Data(2, subcontractUpf: true))));
        var plain = string.Concat(PageTexts(_renderer.Render(CertificateSamples.Data(2))));

        Assert.Contains("UMB-UPF*", marked);
        Assert.Contains("分包项目", marked);
        Assert.Contains("国家纺织品质量检验检测中心（福建）", marked);
        Assert.Contains("subcontractedtoanexternalprovider", marked);
        Assert.DoesNotContain("UMB-UPF*", plain);
        Assert.DoesNotContain("分包项目", plain);
    }

    [Fact]
    public void GuardBandReportExplainsTheRuleAndPrintsTheUncertainty()
    {
        var text = string.Concat(PageTexts(_renderer.Render(CertificateSamples.Data(1, rule: DecisionRule.GuardBand))));

        Assert.Contains("保护带", text);
        Assert.Contains("Guardband", text);
        Assert.Contains("U=2N(k=2)", text);
        Assert.Contains("inconclusive", text);
    }

    [Fact]
    public void PdfIsA4WithTheChineseFontEmbedded()
    {
        var pdf = _renderer.Render(CertificateSamples.Data(1));

        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        // poppler reads the same Chinese back (the subset font carries a ToUnicode map).
        Assert.Contains("本报告仅对来样负责", ExternalTools.PdfToText(pdf, _folder));
    }

    private int BluePixels(byte[] pdf)
    {
        var folder = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var count = 0;
        foreach (var png in ExternalTools.PdfToPngs(pdf, folder, dpi: 72))
        {
            using var bitmap = SKBitmap.Decode(png);
            for (var y = 0; y < bitmap.Height; y++)
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    if (c.Blue > 110 && c.Red < 70 && c.Green < 120) count++;
                }
        }
        return count;
    }

    /// <summary>Each page's text without white space (PdfPig and viewers disagree on spaces between CJK glyphs).</summary>
    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => Squeeze(p.Text)).ToList();
    }

    private static string Squeeze(string text) => Spaces().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
