using System.Security.Cryptography;
using Lab.Data.Identity;
using Lab.Data.Numbering;
using Lab.Domain.Catalog;
using Lab.Domain.Instruments;
using Lab.Domain.Numbering;
using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Lab.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tests.Infrastructure;
using UglyToad.PdfPig;
using Web.Infrastructure;
using Web.Reports;

namespace Tests.Reports;

/// <summary>
/// A request brought through the lab with the domain's verbs on a real SQLite database (received, run on an
/// instrument with raw data kept, a result retracted and retested, verified, issued), then its report built:
/// only verified current results, the run's curve and instrument, names instead of emails, lab-local times.
/// </summary>
public sealed class CertificateBuilding : SqliteDatabaseTest
{
    private const string Technician = "technician@lablims.test";
    private const string Reviewer = "reviewer@lablims.test";
    private const string Signatory = "signatory@lablims.test";
    private const string VerificationCode = "Zq8Rk2Lm7Vt4Xc9Bn3Hd";

    private DateTime T(int minutes) => Today.UtcDateTime.AddMinutes(minutes);

    [Fact]
    public async Task BuildsTheReportFromVerifiedCurrentResultsWithCurveInstrumentAndNames()
    {
        var (reportId, _) = await IssueAsync();

        await using var db = NewContext();
        var data = await Builder(db).BuildAsync(reportId);

        Assert.Equal("BG2026-00001", data.ReportNumber);
        Assert.Equal($"https://lims.example.cn/verify/{VerificationCode}", data.VerificationUrl);
        Assert.Equal(ReportLanguage.Bilingual, data.Language);
        Assert.Equal("晋江测试伞业有限公司", data.Customer.Name);
        Assert.Equal("测试联系人", data.Customer.Contact);
        Assert.Equal("0595-0000 0000", data.Customer.Phone);
        Assert.Equal("231312340123", data.Lab.CmaNumber);
        Assert.True(data.Lab.PrintsCma);
        Assert.False(data.Lab.PrintsCnas); // no number configured: no mark
        Assert.Equal("WT2026-00001", data.RequestNumber);
        Assert.Equal(new CertificateParty("晋江恒达制伞厂", "福建省晋江市池店镇"), data.Producer);
        var conditions = Assert.Single(data.TestConditions);
        Assert.Equal(new CertificateText("温度 20.3 °C，相对湿度 62 %RH", "Temperature 20.3 °C, relative humidity 62 %RH"), conditions);
        Assert.Null(data.Amendment);

        // Sample by sample, method by method; the retracted UPF result (30) is gone, its retest (52) reported.
        var b1 = Numbers.SampleBarcode(2026, 1);
        var b2 = Numbers.SampleBarcode(2026, 2);
        Assert.Equal([(b1, "UMB-FRAME"), (b1, "UMB-UPF"), (b1, "UMB-WIND"), (b2, "UMB-FRAME")],
            data.Results.Select(r => (r.SampleBarcode, r.MethodCode)));
        var frame = data.Results[0];
        Assert.Equal(CertificateText.Same("236"), frame.Result);
        Assert.Equal("N", frame.Unit);
        Assert.Equal(2.0, frame.ExpandedUncertainty);
        Assert.Equal("GB/T 23147-2018", frame.Standard);
        Assert.Equal("Umbrella frame (rib) strength", frame.MethodName.En);
        Assert.StartsWith("≥200 N", frame.Requirement.Zh);
        Assert.Equal(Verdict.Pass, frame.Verdict);
        Assert.Equal("UTM-01", frame.InstrumentCode);
        Assert.NotNull(frame.Curve);
        Assert.Equal(("mm", "N", "Force"), (frame.Curve!.XUnit, frame.Curve.YUnit, frame.Curve.YLabel.En));
        Assert.True(frame.Curve.Series[0].X.Count > 20);
        Assert.Equal(CertificateText.Same("52"), data.Results[1].Result);
        Assert.Null(data.Results[1].Curve); // entered without a run
        Assert.Equal((true, "国家纺织品质量检验检测中心（福建）"), (data.Results[1].Subcontracted, data.Results[1].Subcontractor));
        Assert.False(data.Results[0].Subcontracted);
        Assert.Equal(new CertificateText("符合", "Conforms"), data.Results[2].Result);
        Assert.Equal("", data.Results[2].Unit);
        // 190 N with U = 2 N is wholly below 200 N under the guard band: a fail, so the report fails.
        Assert.Equal(Verdict.Fail, data.Results[3].Verdict);
        Assert.Equal(Verdict.Fail, data.Conclusion);
        Assert.Contains("不合格", data.ConclusionText.Zh);
        Assert.Contains("1 of the 4 items", data.ConclusionText.En);
        Assert.Contains("保护带", data.DecisionRule.Zh);
        Assert.Contains("expanded uncertainty U", data.DecisionRule.En);

        Assert.Equal([b1, b2], data.Samples.Select(s => s.Barcode));
        Assert.Equal((SampleCondition.WrongQuantity, 2), (data.Samples[1].Condition, data.Samples[1].ReceivedQuantity));
        Assert.Contains(data.Remarks, r => r.Zh.Contains(b2) && r.Zh.Contains("数量不符"));
        Assert.Contains(data.Remarks, r => r.En.Contains("test the two received"));

        // Names from the user directory, times on the lab's clock (UTC+8).
        Assert.Equal("陈技术", data.TestedBy.Name);
        Assert.Equal(new CertificateSignature("李审核", Today.UtcDateTime.AddHours(8).AddMinutes(200)), data.ReviewedBy);
        Assert.Equal(new CertificateSignature("张批准", Today.UtcDateTime.AddHours(8).AddMinutes(300)), data.ApprovedBy);
        Assert.Equal(Today.UtcDateTime.AddHours(8).AddMinutes(300), data.IssuedAt);
        Assert.Equal([new DateOnly(2026, 11, 26)], data.ReceiptDates);
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 26)), (data.TestedFrom, data.TestedTo));

        // And it renders: the names and the numbers read back from the PDF.
        using var pdf = PdfDocument.Open(CertificateSamples.Renderer().Render(data));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("张批准", text);
        Assert.Contains("BG2026-00001", text);
        Assert.Contains("位移Displacement(mm)", text);
    }

    [Fact]
    public async Task AmendmentNamesTheReportItReplacesAndWhy()
    {
        var (reportId, requestId) = await IssueAsync();
        int amendmentId;
        await using (var db = NewContext())
        {
            var original = await db.Reports.SingleAsync(r => r.Id == reportId);
            var amendment = new Report("BG2026-00002", requestId, ReportLanguage.Zh, "Am3nDm3ntC0de4567890", Technician, Reviewer, T(400), Signatory, T(410));
            db.Reports.Add(amendment);
            original.SupersedeWith(amendment, "样品型号录入错误");
            await db.SaveChangesAsync();
            amendmentId = amendment.Id;
        }

        await using var read = NewContext();
        var data = await Builder(read).BuildAsync(amendmentId);

        Assert.Equal(new CertificateAmendment("BG2026-00001", "样品型号录入错误"), data.Amendment);
        Assert.Equal(ReportLanguage.Zh, data.Language);
        Assert.Equal("BG2026-00002", data.ReportNumber);
    }

    [Fact]
    public async Task UnknownReportIsRefusedWithItsId()
    {
        await using var db = NewContext();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Builder(db).BuildAsync(999));
        Assert.Contains("999", ex.Message);
    }

    [Theory]
    [InlineData(new[] { Verdict.Pass, Verdict.Pass }, Verdict.Pass)]
    [InlineData(new[] { Verdict.Pass, Verdict.Inconclusive }, Verdict.Inconclusive)]
    [InlineData(new[] { Verdict.Inconclusive, Verdict.Fail, Verdict.Pass }, Verdict.Fail)]
    [InlineData(new Verdict[0], Verdict.Inconclusive)]
    public void ConclusionPassesOnlyWhenEveryItemPasses(Verdict[] items, Verdict expected) =>
        Assert.Equal(expected, CertificateBuilder.Conclude(items));

    private CertificateBuilder Builder(Lab.Data.LabDbContext db) => new(db, new PeopleDirectory(db),
        Options.Create(new CertificateOptions { CmaNumber = "231312340123" }),
        Options.Create(new LabOptions { PublicUrl = "https://lims.example.cn/" }),
        new DataPaths(Folder));

    /// <summary>
    /// Two umbrellas under the guard band rule: the first tested for frame (a UTM run with its force curve kept),
    /// UPF (subcontracted; first 30, retracted, retested 52) and wind; the second for frame (190 N: fails). Verified and issued.
    /// </summary>
    private async Task<(int ReportId, int RequestId)> IssueAsync()
    {
        await SeedReferenceDataAsync();
        var enterpriseId = await AddEnterpriseAsync();
        await using var db = NewContext();
        db.Users.AddRange(
            new LabUser { UserName = Technician, Email = Technician, DisplayName = "陈技术" },
            new LabUser { UserName = Reviewer, Email = Reviewer, DisplayName = "李审核" },
            new LabUser { UserName = Signatory, Email = Signatory, DisplayName = "张批准" });
        var methods = await db.TestMethods.Where(m => m.Code.StartsWith("UMB-")).ToDictionaryAsync(m => m.Code);
        methods["UMB-UPF"].SubcontractTo("国家纺织品质量检验检测中心（福建）");
        var numbers = new NumberAllocator(db, Clock);
        var request = new TestRequest(enterpriseId, "client@test-umbrella.test", T(0));
        request.SetTerms(DecisionRule.GuardBand, Urgency.Normal, ReportLanguage.Bilingual, SampleDisposal.Dispose, true, null, []);
        request.SetProducer("晋江恒达制伞厂", "福建省晋江市池店镇");
        var first = request.AddSample("直杆晴雨伞 27 寸", "MH-L27", "明辉", "2026-11", 3, null);
        request.AddAnalysis(first, methods["UMB-FRAME"]);
        request.AddAnalysis(first, methods["UMB-UPF"]);
        request.AddAnalysis(first, methods["UMB-WIND"]);
        var second = request.AddSample("折叠伞", "MH-F3", "明辉", null, 3, null);
        request.AddAnalysis(second, methods["UMB-FRAME"]);
        request.Submit(await numbers.NextAsync(NumberKind.Request), await numbers.NextAsync(NumberKind.Sample, 2), 1000m, new DateOnly(2026, 12, 3), T(1));
        db.TestRequests.Add(request);
        await db.SaveChangesAsync();

        request.ReceiveSample(first, "reception@lablims.test", T(10), 3, SampleCondition.Intact, null);
        request.ReceiveSample(second, "reception@lablims.test", T(11), 2, SampleCondition.Intact, null);
        request.RecordConsultation("客户同意按收到的 2 把检测 / the customer agreed to test the two received");

        // The frame test on the universal testing machine, its raw data kept by hash as the run job keeps it.
        var frame = first.Analyses.Single(a => a.MethodCode == "UMB-FRAME");
        request.StartAnalysis(frame, T(20));
        var instrument = await db.Instruments.SingleAsync(i => i.Code == "UTM-01");
        await db.SaveChangesAsync();
        var run = new Run(frame.Id, instrument, methods["UMB-FRAME"], first.Barcode!, RunSource.Driver, Technician, T(20), DateOnly.FromDateTime(T(20)));
        db.Runs.Add(run);
        run.RecordConditions(20.3, 62);
        run.BeginAttempt(T(21));
        var raw = await File.ReadAllBytesAsync(Path.Combine(TestFolders.RepositoryRoot, "Web", "Instruments", "Examples", "force-curve.csv"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(raw));
        var relative = Path.Combine(sha[..2], sha + ".csv");
        Directory.CreateDirectory(Path.Combine(Folder, "files", sha[..2]));
        await File.WriteAllBytesAsync(Path.Combine(Folder, "files", relative), raw);
        run.StoreRawData(relative, sha, RawFormats.ForceCurve, raw.Length, null);
        request.RecordResult(frame, 236.4, Technician, T(30));
        run.Complete(frame.ResultValue!.Value, frame.Unit, frame.Verdict!.Value, T(30));

        var upf = first.Analyses.Single(a => a.MethodCode == "UMB-UPF");
        request.RecordResult(upf, 30, Technician, T(40));
        request.RecordFinding(first.Analyses.Single(a => a.MethodCode == "UMB-WIND"), true, Technician, T(50));
        request.RecordResult(second.Analyses.Single(), 190, Technician, T(60));
        await db.SaveChangesAsync();
        request.VerifyAnalysis(upf, Reviewer, T(70));
        var retest = request.RetractAnalysis(upf, "比色皿污染 / cuvette contaminated");
        await db.SaveChangesAsync();
        request.RecordResult(retest, 52, Technician, T(80));
        foreach (var analysis in request.CurrentAnalyses.Where(a => a.Status == AnalysisStatus.ToBeVerified).ToList())
            request.VerifyAnalysis(analysis, Reviewer, T(190));
        request.MarkIssued(T(300), new DateOnly(2027, 2, 24));
        var report = new Report("BG2026-00001", request.Id, ReportLanguage.Bilingual, VerificationCode, Technician, Reviewer, T(200), Signatory, T(300));
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return (report.Id, request.Id);
    }
}
