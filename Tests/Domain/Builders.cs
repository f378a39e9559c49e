using Lab.Domain.Catalog;
using Lab.Domain.Common;
using Lab.Domain.Enterprises;
using Lab.Domain.Instruments;
using Lab.Domain.Numbering;
using Lab.Domain.Reports;
using Lab.Domain.Requests;

namespace Tests.Domain;

/// <summary>Fixed instants and people, so a test reads as a day in the lab rather than as clock arithmetic.</summary>
internal static class LabDay
{
    public static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    public const int Year = 2026;
    public const string Clerk = "client.zhou";
    public const string Receptionist = "wang.fang";
    public const string Analyst = "li.wei";
    public const string Reviewer = "zhang.min";

    public static DateTime Later(int minutes) => Now.AddMinutes(minutes);
}

internal static class Expect
{
    /// <summary>Asserts that <paramref name="action"/> is refused with the domain error <paramref name="code"/>.</summary>
    public static DomainException Refusal(string code, Action action)
    {
        var ex = Assert.Throws<DomainException>(action);
        Assert.Equal(code, ex.Code);
        return ex;
    }
}

/// <summary>Makes catalog methods; by default a textile pH method (range 4.0–8.5, one specimen, no uncertainty).</summary>
internal sealed class MethodBuilder
{
    private string _familyCode = "TEX";
    private string _code = "TEX-PH";
    private string _unit = "";
    private int _precision = 1;
    private SpecLimit _limit = SpecLimit.Range(4.0, 8.5);
    private double? _uncertainty;
    private InstrumentType _instrumentType = InstrumentType.PhMeter;
    private int _sampleQuantity = 1;
    private decimal _price = 120m;
    private int _turnaroundDays = 5;

    public static ProductFamily Family(string code = "TEX") => new(code, "纺织品", "Textiles", 1);

    public static TestMethod PassFailInspection(string code = "TEX-LABEL") =>
        new MethodBuilder().Code(code).Limit(SpecLimit.PassFail(), precision: 0).Build();

    public MethodBuilder Code(string code)
    {
        _code = code;
        _familyCode = code.Split('-')[0].ToUpperInvariant();
        return this;
    }

    public MethodBuilder InFamily(string familyCode)
    {
        _familyCode = familyCode;
        return this;
    }

    public MethodBuilder Limit(SpecLimit limit, int precision = 1, string unit = "")
    {
        _limit = limit;
        _precision = precision;
        _unit = unit;
        return this;
    }

    public MethodBuilder Uncertainty(double? expandedUncertainty)
    {
        _uncertainty = expandedUncertainty;
        return this;
    }

    public MethodBuilder NeedingSamples(int quantity)
    {
        _sampleQuantity = quantity;
        return this;
    }

    public MethodBuilder Priced(decimal priceCny)
    {
        _price = priceCny;
        return this;
    }

    public MethodBuilder TakingDays(int turnaroundDays)
    {
        _turnaroundDays = turnaroundDays;
        return this;
    }

    public MethodBuilder RunOn(InstrumentType type)
    {
        _instrumentType = type;
        return this;
    }

    public TestMethod Build() => new(
        _code, Family(_familyCode), "pH值", "pH value", "GB/T 7573-2009",
        "pH", "pH", _unit, _precision, _limit, "4.0～8.5", "4.0 to 8.5", _uncertainty,
        _instrumentType, _sampleQuantity, "块", "specimen", _price, _turnaroundDays, needsConfirmation: true);
}

/// <summary>
/// Makes a request with its samples and methods, and moves it along the workflow the way the lab would:
/// submitted with barcodes from <see cref="Numbers.SampleBarcode"/>, received intact, every result recorded
/// by <see cref="LabDay.Analyst"/> and verified by <see cref="LabDay.Reviewer"/>.
/// </summary>
internal sealed class RequestBuilder
{
    private readonly List<(string Name, int Quantity, TestMethod[] Methods)> _samples = [];
    private DecisionRule _decisionRule = DecisionRule.SimpleAcceptance;

    public RequestBuilder WithSample(string name, int quantity, params TestMethod[] methods)
    {
        _samples.Add((name, quantity, methods));
        return this;
    }

    public RequestBuilder WithDecisionRule(DecisionRule rule)
    {
        _decisionRule = rule;
        return this;
    }

    public TestRequest Draft()
    {
        var request = new TestRequest(enterpriseId: 7, LabDay.Clerk, LabDay.Now);
        request.SetTerms(_decisionRule, Urgency.Normal, ReportLanguage.Zh, SampleDisposal.Return,
            subcontractingAllowed: false, notes: null, reportRecipients: ["qa@umbrella.example"]);
        var samples = _samples.Count > 0 ? _samples : [("Umbrella fabric", 3, [new MethodBuilder().Build()])];
        foreach (var (name, quantity, methods) in samples)
        {
            var sample = request.AddSample(name, "M-1", "Sunny", "B-01", quantity, null);
            foreach (var method in methods) request.AddAnalysis(sample, method);
        }
        return request;
    }

    public TestRequest Submitted()
    {
        var request = Draft();
        Submit(request);
        return request;
    }

    public TestRequest Received()
    {
        var request = Submitted();
        foreach (var sample in request.Samples) ReceiveIntact(request, sample);
        return request;
    }

    /// <summary>Every analysis has a passing result awaiting verification.</summary>
    public TestRequest Reviewing()
    {
        var request = Received();
        RecordPassingResults(request);
        return request;
    }

    public TestRequest Verified()
    {
        var request = Reviewing();
        VerifyAll(request);
        return request;
    }

    public TestRequest Issued()
    {
        var request = Verified();
        request.MarkIssued(LabDay.Later(60), LabDay.Today.AddDays(90));
        return request;
    }

    public static IReadOnlyList<string> Barcodes(int count, int firstSequence = 1) =>
        Enumerable.Range(firstSequence, count).Select(n => Numbers.SampleBarcode(LabDay.Year, n)).ToList();

    public static void Submit(TestRequest request) =>
        request.Submit("WT2026-00042", Barcodes(request.Samples.Count), 120m, LabDay.Today.AddDays(7), LabDay.Later(5));

    public static void ReceiveIntact(TestRequest request, Sample sample) =>
        request.ReceiveSample(sample, LabDay.Receptionist, LabDay.Later(10), sample.Quantity, SampleCondition.Intact, null);

    public static void RecordPassingResults(TestRequest request)
    {
        foreach (var analysis in request.CurrentAnalyses.Where(a => !a.HasResult).ToList())
            RecordPassingResult(request, analysis);
    }

    public static void RecordPassingResult(TestRequest request, Analysis analysis)
    {
        if (analysis.Limit.Kind == LimitKind.PassFail)
            request.RecordFinding(analysis, meetsRequirement: true, LabDay.Analyst, LabDay.Later(30));
        else
            request.RecordResult(analysis, PassingValue(analysis.Limit), LabDay.Analyst, LabDay.Later(30));
    }

    public static void VerifyAll(TestRequest request)
    {
        foreach (var analysis in request.CurrentAnalyses.Where(a => a.Status == AnalysisStatus.ToBeVerified).ToList())
            request.VerifyAnalysis(analysis, LabDay.Reviewer, LabDay.Later(45));
    }

    private static double PassingValue(SpecLimit limit) => limit.Kind switch
    {
        LimitKind.Range => (limit.Lower!.Value + limit.Upper!.Value) / 2,
        LimitKind.Max => limit.Upper!.Value - 1,
        _ => limit.Lower!.Value + 1,
    };
}

/// <summary>Makes a client enterprise in each of its states.</summary>
internal static class EnterpriseBuilder
{
    public static CreditCode Code(string first17 = "91330106MA27XY5P1") =>
        CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17));

    public static Enterprise Pending() => new(
        "Sunny Umbrella Co., Ltd.", Code(), "1 Umbrella Road, Hangzhou",
        "Chen Jing", "0571-1234567", "Chen.Jing@Sunny.example", LabDay.Now);

    public static Enterprise Approved()
    {
        var enterprise = Pending();
        enterprise.Approve("admin", LabDay.Later(1));
        return enterprise;
    }

    public static Enterprise Suspended()
    {
        var enterprise = Approved();
        enterprise.Suspend("Unpaid invoices");
        return enterprise;
    }

    public static Enterprise Rejected()
    {
        var enterprise = Pending();
        enterprise.Reject("Not a manufacturer");
        return enterprise;
    }
}

/// <summary>Makes a pH meter, bare or calibrated until a given day.</summary>
internal static class InstrumentBuilder
{
    public static Instrument PhMeter() => new(" ph-01 ", "pH meter", InstrumentType.PhMeter, "Chemistry lab", "SN-1001");

    public static Instrument CalibratedPhMeter(DateOnly dueOn)
    {
        var instrument = PhMeter();
        instrument.RecordCalibration("JL2026-0001", dueOn.AddYears(-1), dueOn);
        return instrument;
    }
}

/// <summary>Makes an issued report of a request, approved by the signatory.</summary>
internal static class ReportBuilder
{
    public const string Code = "k3J9x2Qm7Lp4Zr8Tw6Yv";

    public static Report For(int requestId, string number = "BG2026-00042", string verificationCode = Code) =>
        new(number, requestId, ReportLanguage.Zh, verificationCode, LabDay.Analyst, LabDay.Reviewer, LabDay.Later(45),
            "signatory.sun", LabDay.Later(60));
}
