using Lab.Domain.Catalog;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.Extensions.Options;
using Web.Reports;
using Web.Reports.Fonts;

namespace Tests.Reports;

/// <summary>Report contents for renderer tests: umbrellas tested for frame strength (force curve), wind (wind ramp) and UPF (UV spectra).</summary>
public static class CertificateSamples
{
    public static readonly CjkFonts Fonts = new(Options.Create(new CjkFontOptions()));

    public static CertificateRenderer Renderer() => new(Fonts);

    public const string Url = "https://lims.jjic-lab.cn/verify/Q7f3Kp2VxW9mRt4LzA8c";

    public static CertificateData Data(int samples = 1, ReportLanguage language = ReportLanguage.Bilingual, bool curves = true,
        CertificateAmendment? amendment = null, bool subcontractUpf = false, DecisionRule rule = DecisionRule.SimpleAcceptance)
    {
        var barcodes = Enumerable.Range(1, samples).Select(i => Numbers.SampleBarcode(2026, 120 + i)).ToList();
        var received = new DateOnly(2026, 11, 20);
        var results = new List<CertificateResult>();
        foreach (var (barcode, i) in barcodes.Select((b, i) => (b, i)))
        {
            results.Add(new CertificateResult
            {
                SampleBarcode = barcode, MethodCode = "UMB-FRAME",
                MethodName = new CertificateText("伞骨(骨架)强度", "Umbrella frame (rib) strength"),
                Standard = "GB/T 23147-2018",
                Requirement = new CertificateText("≥200 N，骨架无断裂、脱落及超限永久变形", "≥ 200 N, no fracture, detachment or excess permanent deformation"),
                Result = CertificateText.Same((236 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), Unit = "N", ExpandedUncertainty = 2.0,
                Verdict = Verdict.Pass, TestedFrom = received.AddDays(1), TestedTo = received.AddDays(1), InstrumentCode = "UTM-01",
                Curve = curves ? ForceCurve(236 + i) : null,
            });
            results.Add(new CertificateResult
            {
                SampleBarcode = barcode, MethodCode = "UMB-WIND",
                MethodName = new CertificateText("抗风强度", "Wind resistance"),
                Standard = "GB/T 31895-2015; GB/T 23147-2018",
                Requirement = new CertificateText("15 m/s 持续 1 min：伞骨无断裂、脱落，伞面无撕裂", "15 m/s held 1 min: no broken or detached ribs, canopy not torn"),
                Result = new CertificateText("符合", "Conforms"),
                Verdict = Verdict.Pass, TestedFrom = received.AddDays(1), TestedTo = received.AddDays(2), InstrumentCode = "WT-01",
                Curve = curves && i == 0 ? WindRamp() : null,
            });
            results.Add(new CertificateResult
            {
                SampleBarcode = barcode, MethodCode = "UMB-UPF",
                MethodName = new CertificateText("伞面防紫外线性能", "Canopy UV protection"),
                Standard = "GB/T 18830-2009",
                Requirement = new CertificateText("UPF >40 且 T(UVA)AV <5%（声称防紫外时检测）", "UPF > 40 and T(UVA)AV < 5 % (tested when UV protection is claimed)"),
                Result = CertificateText.Same(i == 1 ? "38" : "52"),
                Verdict = i == 1 ? Verdict.Fail : Verdict.Pass, TestedFrom = received.AddDays(2), TestedTo = received.AddDays(2), InstrumentCode = subcontractUpf ? null : "UV-01",
                Subcontracted = subcontractUpf,
                Subcontractor = subcontractUpf ? "国家纺织品质量检验检测中心（福建）" : null,
                Curve = curves && i == 0 ? UvSpectra() : null,
            });
        }
        var conclusion = CertificateBuilder.Conclude(results.Select(r => r.Verdict));
        return new CertificateData
        {
            ReportNumber = "BG2026-00042",
            VerificationUrl = Url,
            Language = language,
            Lab = new CertificateLab("晋江创新中心产品检测实验室", "Jinjiang Innovation Center Product Testing Laboratory",
                "福建省泉州市晋江市创新中心", "Innovation Center, Jinjiang, Quanzhou, Fujian, China", "0595-8500 0000",
                "231312340123", "CNAS L12345", true, true),
            Customer = new CertificateCustomer("晋江明辉伞业有限公司", "福建省泉州市晋江市青阳街道明辉路 88 号", "林明辉", "0595-8588 1234"),
            Producer = new CertificateParty("泉州明辉制伞厂", "福建省泉州市丰泽区制伞路 6 号"),
            RequestNumber = "WT2026-00017",
            DecisionRule = CertificateBuilder.DecisionRuleText(rule),
            DecisionRuleKind = rule,
            Amendment = amendment,
            Samples = barcodes.Select((b, i) => new CertificateSample(b, "直杆晴雨伞 27 寸", $"MH-L27-{i + 1}", "明辉", "2026-11 批", 3,
                i == 2 ? 2 : 3, i == 2 ? SampleCondition.WrongQuantity : SampleCondition.Intact, i == 2 ? "2 received, 3 declared" : null, received)).ToList(),
            Results = results,
            Conclusion = conclusion,
            ConclusionText = new CertificateText(
                conclusion == Verdict.Pass ? "所检项目均符合 GB/T 23147-2018 的要求，结论：合格。" : "所检项目中有不符合要求的项目，结论：不合格。",
                conclusion == Verdict.Pass ? "Every item tested meets the requirements of GB/T 23147-2018. Conclusion: Pass." : "Some items do not meet the requirements. Conclusion: Fail."),
            TestConditions = [new CertificateText("温度 (23 ± 2) ℃，相对湿度 (50 ± 10) %", "Temperature (23 ± 2) °C, relative humidity (50 ± 10) %")],
            Sampling = new CertificateText("委托方送样，本实验室未参与抽样。", "Items submitted by the customer; the laboratory did not sample."),
            Remarks = samples > 2 ? [new CertificateText($"样品 {barcodes[2]} 收样时数量不符：2 received, 3 declared", $"Sample {barcodes[2]} deviated on receipt: 2 received, 3 declared")] : [],
            TestedBy = new CertificateSignature("陈技术、王检测", new DateTime(2026, 11, 22, 16, 40, 0)),
            ReviewedBy = new CertificateSignature("李审核", new DateTime(2026, 11, 23, 10, 5, 0)),
            ApprovedBy = new CertificateSignature("张批准", new DateTime(2026, 11, 24, 9, 30, 0)),
            IssuedAt = new DateTime(2026, 11, 24, 9, 30, 0),
            ReceiptDates = [received],
            TestedFrom = received.AddDays(1),
            TestedTo = received.AddDays(2),
        };
    }

    private static CertificateCurve ForceCurve(double peak)
    {
        var x = Enumerable.Range(0, 400).Select(i => i * 0.1).ToList();
        var y = x.Select(d => d < 30 ? peak * Math.Sin(d / 30 * Math.PI / 2) : peak * Math.Max(0, 1 - (d - 30) / 4)).ToList();
        return new CertificateCurve(new CertificateText("位移", "Displacement"), "mm", new CertificateText("力", "Force"), "N", [new CertificateSeries("F", x, y)]);
    }

    private static CertificateCurve WindRamp()
    {
        var x = Enumerable.Range(0, 120).Select(i => (double)i).ToList();
        var y = x.Select(t => Math.Min(15, t * 0.5)).ToList();
        return new CertificateCurve(new CertificateText("时间", "Time"), "s", new CertificateText("风速", "Wind speed"), "m/s", [new CertificateSeries("v", x, y)]);
    }

    private static CertificateCurve UvSpectra()
    {
        var x = Enumerable.Range(0, 41).Select(i => 280 + i * 2.5).ToList();
        return new CertificateCurve(new CertificateText("波长", "Wavelength"), "nm", new CertificateText("透射比", "Transmittance"), "%",
            Enumerable.Range(1, 4).Select(s => new CertificateSeries($"#{s}", x, x.Select(w => 0.5 + s * 0.2 + (w - 280) / 100 * (1 + s * 0.3)).ToList())).ToList());
    }
}
