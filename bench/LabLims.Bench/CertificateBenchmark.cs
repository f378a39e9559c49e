using System.Diagnostics;
using Lab.Domain.Catalog;
using Lab.Domain.Requests;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using Web.Instruments;
using Web.Reports;
using Web.Reports.Fonts;

namespace LabLims.Bench;

/// <summary>
/// The certificate measure: rendering a two-page bilingual test report with a curve (one umbrella, three methods, the
/// force–displacement curve of the example raw data file, 160 points) with the app's own <see cref="CertificateRenderer"/>,
/// in process, one render after another. The first render (font face cut out of the .ttc, JIT) is reported on its own.
/// </summary>
public static class CertificateBenchmark
{
    private const int WarmUp = 30;
    private const int Renders = 300;
    private const double GoalP50Ms = 100;

    public static Task<int> RunAsync(BenchOptions options)
    {
        var fonts = new CjkFonts(Options.Create(new CjkFontOptions()));
        var renderer = new CertificateRenderer(fonts);
        var data = Report();

        var started = Stopwatch.GetTimestamp();
        var pdf = renderer.Render(data);
        var first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        int pages;
        using (var document = PdfDocument.Open(pdf)) pages = document.NumberOfPages;

        var times = new Latencies();
        var allocated = 0L;
        for (var i = 0; i < WarmUp + Renders; i++)
        {
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            started = Stopwatch.GetTimestamp();
            pdf = renderer.Render(data);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i < WarmUp) continue;
            times.Add(elapsed);
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        }

        var p50 = times.Percentile(50);
        new Table($"certificate: a {pages}-page bilingual report with a curve, rendered in process, sequential")
            .Row($"CertificateRenderer.Render: p50 ({Renders} renders after {WarmUp} warm-up)", $"{Latencies.Ms(p50)} ms",
                $"≤ {GoalP50Ms} ms: {Table.Met(p50 <= GoalP50Ms)}")
            .Row("p95", $"{Latencies.Ms(times.Percentile(95))} ms")
            .Row("max", $"{Latencies.Ms(times.Max)} ms")
            .Row("first render in the process (font face read, JIT)", $"{Latencies.Ms(first)} ms")
            .Row("PDF size", $"{pdf.Length / 1024.0:0} KB")
            .Row("allocated per render", $"{allocated / (double)Renders / 1024 / 1024:0.0} MB")
            .Print($"1 sample × 3 methods (UMB-FRAME with its force curve, UMB-WIND, UMB-UPF), bilingual labels; {Environment.ProcessorCount} cores, one thread.");
        if (pages != 2) Console.Error.WriteLine($"warning: the report came out at {pages} pages, not 2.");
        return Task.FromResult(0);
    }

    private static CertificateData Report()
    {
        var file = Path.Combine(AppProcess.RepositoryRoot, "Web", "Instruments", "Examples", "force-curve.csv");
        var curve = RunCurves.From(new RawCapture(Lab.Domain.Results.RawFormats.ForceCurve, File.ReadAllBytes(file), ".csv"))
            ?? throw new InvalidOperationException($"{file} has no curve.");
        var day = new DateOnly(2026, 11, 21);
        CertificateResult Result(string code, string zh, string en, string standard, string reqZh, string reqEn, CertificateText result, string unit,
            CertificateCurve? chart) => new()
        {
            SampleBarcode = "S2026-000121-X", MethodCode = code, MethodName = new CertificateText(zh, en), Standard = standard,
            Requirement = new CertificateText(reqZh, reqEn), Result = result, Unit = unit, Verdict = Verdict.Pass,
            TestedFrom = day, TestedTo = day, InstrumentCode = "UTM-01", Curve = chart,
        };
        var results = new List<CertificateResult>
        {
            Result("UMB-FRAME", "伞骨(骨架)强度", "Umbrella frame (rib) strength", "GB/T 23147-2018", "≥200 N，骨架无断裂、脱落及超限永久变形",
                "≥ 200 N, no fracture, detachment or excess permanent deformation", CertificateText.Same("236"), "N",
                new CertificateCurve(new CertificateText("位移", "Displacement"), "mm", new CertificateText("力", "Force"), "N",
                    curve.Series.Select(s => new CertificateSeries(s.Label, s.Points.Select(p => p.X).ToList(), s.Points.Select(p => p.Y).ToList())).ToList())),
            Result("UMB-WIND", "抗风强度", "Wind resistance", "GB/T 31895-2015; GB/T 23147-2018", "15 m/s 持续 1 min：伞骨无断裂、脱落，伞面无撕裂",
                "15 m/s held 1 min: no broken or detached ribs, canopy not torn", new CertificateText("符合", "Conforms"), "", null),
            Result("UMB-UPF", "伞面防紫外线性能", "Canopy UV protection", "GB/T 18830-2009", "UPF >40 且 T(UVA)AV <5%",
                "UPF > 40 and T(UVA)AV < 5 %", CertificateText.Same("52"), "", null),
        };
        return new CertificateData
        {
            ReportNumber = "BG2026-00042",
            VerificationUrl = CertificateBuilder.VerificationUrl("https://lims.example.cn", "Q7f3Kp2VxW9mRt4LzA8c"),
            Language = ReportLanguage.Bilingual,
            Lab = new CertificateLab("晋江创新中心产品检测实验室", "Jinjiang Innovation Center Product Testing Laboratory", "福建省泉州市晋江市创新中心",
                "Innovation Center, Jinjiang, Quanzhou, Fujian, China", "0595-8500 0000", "231312340123", "CNAS L12345", true, true),
            Customer = new CertificateCustomer("晋江明辉伞业有限公司", "福建省泉州市晋江市青阳街道明辉路 88 号", "林明辉", "0595-8588 1234"),
            RequestNumber = "WT2026-00017",
            DecisionRule = CertificateBuilder.DecisionRuleText(DecisionRule.SimpleAcceptance),
            DecisionRuleKind = DecisionRule.SimpleAcceptance,
            Samples = [new CertificateSample("S2026-000121-X", "直杆晴雨伞 27 寸", "MH-L27", "明辉", "2026-11", 3, 3, SampleCondition.Intact, null, day.AddDays(-1))],
            Results = results,
            Conclusion = Verdict.Pass,
            ConclusionText = new CertificateText("所检项目均符合 GB/T 23147-2018 的要求，结论：合格。", "Every item tested meets the requirements. Conclusion: Pass."),
            Sampling = new CertificateText("委托方送样，本实验室未参与抽样。", "Items submitted by the customer; the laboratory did not sample."),
            TestedBy = new CertificateSignature("陈技术", new DateTime(2026, 11, 22, 16, 40, 0)),
            ReviewedBy = new CertificateSignature("李审核", new DateTime(2026, 11, 23, 10, 5, 0)),
            ApprovedBy = new CertificateSignature("张批准", new DateTime(2026, 11, 24, 9, 30, 0)),
            IssuedAt = new DateTime(2026, 11, 24, 9, 30, 0),
            ReceiptDates = [day.AddDays(-1)],
            TestedFrom = day,
            TestedTo = day,
        };
    }
}
