using Lab.Data;
using Lab.Domain.Catalog;
using Lab.Domain.Instruments;
using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Web.Infrastructure;
using Web.Instruments;

namespace Web.Reports;

/// <summary>
/// Gathers what a report prints from the database: the request, its enterprise, its verified current analyses with
/// the run behind each (instrument, curve from the raw data as kept), the people who tested, reviewed and approved,
/// and the report it replaces. Only verified, not retracted, results are reported.
/// </summary>
public sealed class CertificateBuilder(LabDbContext db, PeopleDirectory people, IOptions<CertificateOptions> certificate,
    IOptions<LabOptions> lab, DataPaths paths)
{
    public async Task<CertificateData> BuildAsync(int reportId, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Supersedes).SingleOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw new InvalidOperationException($"Report {reportId} does not exist.");
        var request = await db.TestRequests.AsNoTracking()
            .Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .AsSplitQuery().SingleAsync(r => r.Id == report.TestRequestId, ct);
        var enterprise = await db.Enterprises.AsNoTracking().Include(e => e.Contacts).SingleAsync(e => e.Id == request.EnterpriseId, ct);

        var reported = request.Samples
            .Select(s => (Sample: s, Analyses: s.CurrentAnalyses.Where(a => a.Status == AnalysisStatus.Verified).OrderBy(a => a.MethodCode, StringComparer.Ordinal).ToList()))
            .Where(x => x.Analyses.Count > 0)
            .OrderBy(x => x.Sample.Barcode, StringComparer.Ordinal)
            .ToList();
        if (reported.Count == 0)
            throw new InvalidOperationException($"Report {report.Number}: request {request.Number} has no verified result to report.");

        var analysisIds = reported.SelectMany(x => x.Analyses).Select(a => a.Id).ToList();
        var runs = (await db.Runs.AsNoTracking()
                .Where(r => analysisIds.Contains(r.AnalysisId) && r.Status == RunStatus.Completed)
                .ToListAsync(ct))
            .GroupBy(r => r.AnalysisId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).First());

        var results = new List<CertificateResult>();
        foreach (var (sample, analyses) in reported)
        {
            foreach (var analysis in analyses)
            {
                runs.TryGetValue(analysis.Id, out var run);
                results.Add(new CertificateResult
                {
                    SampleBarcode = sample.Barcode!,
                    MethodCode = analysis.MethodCode,
                    MethodName = new CertificateText(analysis.Method!.NameZh, analysis.Method.NameEn),
                    Standard = analysis.Method.Standard,
                    Requirement = Requirement(analysis),
                    Result = Result(analysis),
                    Unit = analysis.Limit.Kind is LimitKind.Grade or LimitKind.PassFail ? "" : analysis.Unit,
                    ExpandedUncertainty = analysis.ExpandedUncertainty,
                    Verdict = analysis.Verdict!.Value,
                    TestedFrom = LocalDate(analysis.StartedAt ?? analysis.ProducedAt!.Value),
                    TestedTo = LocalDate(analysis.ProducedAt!.Value),
                    InstrumentCode = run?.InstrumentCode,
                    Subcontracted = analysis.Subcontractor is not null,
                    Subcontractor = analysis.Subcontractor,
                    Curve = run is null ? null : await CurveAsync(run, ct),
                });
            }
        }

        var name = await people.NamerAsync();
        var allReported = reported.SelectMany(x => x.Analyses).ToList();
        var contact = enterprise.Contacts.FirstOrDefault(c => c.ReceivesReports) ?? enterprise.Contacts.FirstOrDefault();
        var samples = reported.Select(x => x.Sample).ToList();
        var o = certificate.Value;
        return new CertificateData
        {
            ReportNumber = report.Number,
            VerificationUrl = VerificationUrl(lab.Value.PublicUrl, report.VerificationCode),
            Language = report.Language,
            Lab = new CertificateLab(o.NameZh, o.NameEn, o.AddressZh, o.AddressEn, o.Phone, o.CmaNumber, o.CnasNumber, o.ShowCma, o.ShowCnas),
            Customer = new CertificateCustomer(enterprise.Name, enterprise.Address, contact?.Name ?? "", contact?.Phone),
            Producer = request.ProducerName is { } producer ? new CertificateParty(producer, request.ProducerAddress) : null,
            // The room's conditions as the technicians read them at the reported runs (7.8.3.1 a), as ranges.
            TestConditions = Web.Instruments.RunConditions.ForReport(runs.Values) is { } conditions
                ? [new CertificateText(conditions.Zh, conditions.En)]
                : [],
            RequestNumber = request.Number ?? "",
            DecisionRule = DecisionRuleText(request.DecisionRule),
            DecisionRuleKind = request.DecisionRule,
            Amendment = report.Supersedes is { } replaced
                ? new CertificateAmendment(replaced.Number, report.AmendmentReason ?? "")
                : null,
            Samples = samples.Select(s => new CertificateSample(s.Barcode!, s.Name, s.Model, s.Brand, s.Batch, s.Quantity, s.ReceivedQuantity,
                s.ConditionOnReceipt ?? SampleCondition.Intact, s.ReceiptNote, LocalDate(s.ReceivedAt ?? request.ReceivedAt ?? report.IssuedAt))).ToList(),
            Results = results,
            Conclusion = Conclude(results.Select(r => r.Verdict)),
            ConclusionText = ConclusionText(results),
            Sampling = new CertificateText("委托方送样，本实验室未参与抽样。", "Items submitted by the customer; the laboratory did not sample."),
            Remarks = Remarks(request, samples),
            TestedBy = new CertificateSignature(Names(report.TestedBy, name), Local(allReported.Max(a => a.ProducedAt))),
            ReviewedBy = new CertificateSignature(Names(report.ReviewedBy, name), Local(report.ReviewedAt)),
            ApprovedBy = new CertificateSignature(Names(report.ApprovedBy, name), Local(report.ApprovedAt)),
            IssuedAt = Local(report.IssuedAt)!.Value,
            ReceiptDates = samples.Select(s => LocalDate(s.ReceivedAt ?? request.ReceivedAt ?? report.IssuedAt)).Distinct().Order().ToList(),
            TestedFrom = results.Min(r => r.TestedFrom),
            TestedTo = results.Max(r => r.TestedTo),
        };
    }

    /// <summary>The report's verification page, which the QR code links to.</summary>
    public static string VerificationUrl(string publicUrl, string verificationCode) =>
        $"{publicUrl.TrimEnd('/')}/verify/{Uri.EscapeDataString(verificationCode)}";

    /// <summary>Pass only when every item passes; Fail when any item fails; otherwise (some inconclusive) Inconclusive.</summary>
    /// <summary>The lab's one rule (<see cref="ReportConclusion"/>), shared with the email and the verification page.</summary>
    public static Verdict Conclude(IEnumerable<Verdict> verdicts) => ReportConclusion.Of(verdicts.Select(v => (Verdict?)v));

    public static CertificateText DecisionRuleText(DecisionRule rule) => rule switch
    {
        DecisionRule.GuardBand => new CertificateText(
            "保护带判定（ILAC-G8:09/2019）：保护带宽度取扩展不确定度 U（k=2）。测得值 ± U 的区间全部落在标准限值以内判为合格，" +
            "全部落在限值以外判为不合格，区间跨越限值时判为无法判定。等级评定与符合性检查不考虑不确定度，直接判定。",
            "Guard band (ILAC-G8:09/2019): the guard band is the expanded uncertainty U (k = 2). An item passes only when the whole " +
            "interval measured value ± U lies within the limit, fails only when it lies wholly outside, and is inconclusive when the " +
            "interval straddles the limit. Grades and inspections are judged directly, without uncertainty."),
        _ => new CertificateText(
            "简单接受（ILAC-G8:09/2019）：测得值直接与标准限值比较，不考虑测量不确定度；落在限值以内判为合格，否则判为不合格。",
            "Simple acceptance (ILAC-G8:09/2019): the measured value is compared directly with the limit, measurement uncertainty " +
            "not taken into account; a value within the limit passes, any other fails."),
    };

    private static CertificateText ConclusionText(IReadOnlyList<CertificateResult> results)
    {
        var conclusion = Conclude(results.Select(r => r.Verdict));
        var failed = results.Count(r => r.Verdict == Verdict.Fail);
        var inconclusive = results.Count(r => r.Verdict == Verdict.Inconclusive);
        var all = results.SelectMany(r => Standards(r.Standard)).Distinct().ToList();
        var standards = string.Join("、", all);
        var standardsEn = string.Join(", ", all);
        var (zh, en) = conclusion switch
        {
            Verdict.Pass => ($"所检项目均符合 {standards} 的要求，结论：合格。",
                $"Every item tested meets the requirements of {standardsEn}. Conclusion: Pass."),
            Verdict.Fail => ($"所检 {results.Count} 项中有 {failed} 项不符合 {standards} 的要求，结论：不合格。",
                $"{failed} of the {results.Count} items tested do not meet the requirements of {standardsEn}. Conclusion: Fail."),
            _ => ($"所检 {results.Count} 项中有 {inconclusive} 项的结果处于保护带内，无法判定是否符合 {standards} 的要求，结论：无法判定。",
                $"{inconclusive} of the {results.Count} items tested lie within the guard band, so conformity with {standardsEn} cannot be stated. Conclusion: Inconclusive."),
        };
        return new CertificateText(
            zh + "结论规则：各单项均合格时结论为合格，任一单项不合格时为不合格，其余情况为无法判定；单项按下述判定规则判定。",
            en + " Rule: the report passes only when every item passes, fails when any item fails, and is inconclusive otherwise; each item is judged by the decision rule below.");
    }

    /// <summary>The standards a method cites, one by one ("GB/T 31895-2015; GB/T 23147-2018" is two).</summary>
    public static IEnumerable<string> Standards(string cited) =>
        cited.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static CertificateText Requirement(Analysis analysis)
    {
        var method = analysis.Method!;
        // The wording is the catalog's; if the method was revised after booking, the limit as booked is what was applied.
        if (method.Version == analysis.MethodVersion)
            return new CertificateText(method.RequirementZh, method.RequirementEn);
        var limit = analysis.Limit.Describe(analysis.Unit);
        return analysis.Limit.Kind switch
        {
            LimitKind.PassFail => new CertificateText("符合标准规定", "Meets the standard"),
            LimitKind.Grade => new CertificateText($"{limit} 级", $"Grade {limit}"),
            _ => CertificateText.Same(limit),
        };
    }

    private static CertificateText Result(Analysis analysis)
    {
        var text = analysis.ResultText ?? "";
        return analysis.Limit.Kind switch
        {
            LimitKind.PassFail => text == "Pass" ? new CertificateText("符合", "Conforms") : new CertificateText("不符合", "Does not conform"),
            LimitKind.Grade => new CertificateText($"{text} 级", $"Grade {text}"),
            _ => CertificateText.Same(text),
        };
    }

    private static IReadOnlyList<CertificateText> Remarks(TestRequest request, IReadOnlyList<Sample> samples)
    {
        var remarks = new List<CertificateText>();
        foreach (var s in samples.Where(s => s.HasDeviation))
        {
            remarks.Add(new CertificateText(
                $"样品 {s.Barcode} 收样时发现偏离（{ConditionZh(s.ConditionOnReceipt!.Value)}）：{s.ReceiptNote}",
                $"Sample {s.Barcode} deviated on receipt ({ConditionEn(s.ConditionOnReceipt!.Value)}): {s.ReceiptNote}"));
        }
        if (request.ConsultationOutcome is { } outcome)
            remarks.Add(new CertificateText($"经与委托方沟通：{outcome}", $"Agreed with the customer: {outcome}"));
        return remarks;
    }

    public static string ConditionZh(SampleCondition c) => c switch
    {
        SampleCondition.Intact => "完好",
        SampleCondition.Damaged => "破损",
        SampleCondition.WrongQuantity => "数量不符",
        SampleCondition.Unlabelled => "无标识",
        _ => "其他",
    };

    public static string ConditionEn(SampleCondition c) => c switch
    {
        SampleCondition.Intact => "intact",
        SampleCondition.Damaged => "damaged",
        SampleCondition.WrongQuantity => "wrong quantity",
        SampleCondition.Unlabelled => "unlabelled",
        _ => "other",
    };

    private async Task<CertificateCurve?> CurveAsync(Run run, CancellationToken ct)
    {
        if (run.RawDataPath is not { } relative) return null;
        var file = Path.Combine(paths.Files, relative);
        if (!File.Exists(file)) return null;
        var capture = new RawCapture(run.RawDataFormat!, await File.ReadAllBytesAsync(file, ct), Path.GetExtension(relative));
        if (RunCurves.From(capture) is not { } curve) return null;
        var (xLabel, xUnit) = Axis(curve.XLabel);
        var (yLabel, yUnit) = Axis(curve.YLabel);
        return new CertificateCurve(xLabel, xUnit, yLabel, yUnit,
            curve.Series.Select(s => new CertificateSeries(s.Label, s.Points.Select(p => p.X).ToList(), s.Points.Select(p => p.Y).ToList())).ToList());
    }

    /// <summary>RunCurves names its axes by unit; the report names the quantity too.</summary>
    private static (CertificateText Label, string Unit) Axis(string unit) => unit switch
    {
        "mm" => (new CertificateText("位移", "Displacement"), "mm"),
        "N" => (new CertificateText("力", "Force"), "N"),
        "s" => (new CertificateText("时间", "Time"), "s"),
        "m/s" => (new CertificateText("风速", "Wind speed"), "m/s"),
        "nm" => (new CertificateText("波长", "Wavelength"), "nm"),
        "T %" => (new CertificateText("透射比", "Transmittance"), "%"),
        _ => (CertificateText.Same(unit), ""),
    };

    /// <summary>A report's signatures hold sign-in emails (several joined by commas); the report prints names.</summary>
    private static string Names(string recorded, Func<string?, string> name) =>
        string.Join("、", recorded.Split([',', ';', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => name(p)).Distinct());

    private static DateTime? Local(DateTime? utc) =>
        utc is { } t ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), Lang.LabTimeZone) : null;

    private static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(Local(utc)!.Value);
}
