using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Web.Reports;

/// <summary>
/// Everything printed on a test report (检测报告), ISO/IEC 17025 clause 7.8.2.1, gathered once from the database by
/// <see cref="CertificateBuilder"/> so that <see cref="ICertificateRenderer"/> only lays it out. Plain values: no
/// entities, nothing lazy. Times are the lab's local time (China Standard Time), already converted.
/// </summary>
public sealed record CertificateData
{
    public required string ReportNumber { get; init; }
    /// <summary>The public address of the report's verification page; the QR code on every report encodes it.</summary>
    public required string VerificationUrl { get; init; }
    public required ReportLanguage Language { get; init; }
    public required CertificateLab Lab { get; init; }
    /// <summary>委托单位 and its contact.</summary>
    public required CertificateCustomer Customer { get; init; }
    /// <summary>生产单位, only where it differs from the customer.</summary>
    public CertificateParty? Producer { get; init; }
    public required string RequestNumber { get; init; }
    /// <summary>判定规则: the decision rule the customer agreed, worded for the report (guard band explained where used).</summary>
    public required CertificateText DecisionRule { get; init; }
    public DecisionRule DecisionRuleKind { get; init; }
    /// <summary>Set when this report replaces an earlier one (clause 7.8.8).</summary>
    public CertificateAmendment? Amendment { get; init; }
    public required IReadOnlyList<CertificateSample> Samples { get; init; }
    /// <summary>One row per reported analysis, in sample then method order.</summary>
    public required IReadOnlyList<CertificateResult> Results { get; init; }
    /// <summary>检测结论: Pass only when every item passes, Fail when any fails, Inconclusive otherwise.</summary>
    public required Verdict Conclusion { get; init; }
    /// <summary>The conclusion as printed, naming the specifications and the decision rule.</summary>
    public required CertificateText ConclusionText { get; init; }
    /// <summary>Test conditions (temperature, humidity...) where recorded; empty when none.</summary>
    public IReadOnlyList<CertificateText> TestConditions { get; init; } = [];
    /// <summary>Where the tests were done when not at the lab's address (clause 7.8.2.1 c); null: at the lab.</summary>
    public CertificateText? TestLocation { get; init; }
    /// <summary>How the items came to the lab (clause 7.8.2.1 k), e.g. submitted by the customer.</summary>
    public required CertificateText Sampling { get; init; }
    /// <summary>Additions, deviations or exclusions from the methods, and deviations found on receipt (clause 7.8.2.1 n).</summary>
    public IReadOnlyList<CertificateText> Remarks { get; init; } = [];
    /// <summary>主检 (tested by): one or more people.</summary>
    public required CertificateSignature TestedBy { get; init; }
    /// <summary>审核 (reviewed by).</summary>
    public required CertificateSignature ReviewedBy { get; init; }
    /// <summary>批准 (approved by the authorised signatory).</summary>
    public required CertificateSignature ApprovedBy { get; init; }
    /// <summary>签发日期.</summary>
    public required DateTime IssuedAt { get; init; }
    /// <summary>收样日期: every distinct day items were received, in order.</summary>
    public required IReadOnlyList<DateOnly> ReceiptDates { get; init; }
    /// <summary>检测日期: the first and last day of testing.</summary>
    public required DateOnly TestedFrom { get; init; }
    public required DateOnly TestedTo { get; init; }
}

/// <summary>A text in both of the report's languages; a report in one language prints one of them.</summary>
public sealed record CertificateText(string Zh, string En)
{
    /// <summary>The same text in both (numbers, codes, names that have no translation).</summary>
    public static CertificateText Same(string text) => new(text, text);
}

/// <summary>The laboratory block of the header (from the "Lab:Certificate" settings).</summary>
public sealed record CertificateLab(
    string NameZh, string NameEn, string AddressZh, string AddressEn, string Phone,
    string? CmaNumber, string? CnasNumber, bool ShowCma, bool ShowCnas)
{
    /// <summary>The CMA mark prints only when it is switched on and a number is configured.</summary>
    public bool PrintsCma => ShowCma && !string.IsNullOrWhiteSpace(CmaNumber);
    public bool PrintsCnas => ShowCnas && !string.IsNullOrWhiteSpace(CnasNumber);
}

public sealed record CertificateCustomer(string Name, string Address, string Contact, string? Phone);

public sealed record CertificateParty(string Name, string? Address);

/// <summary>This report replaces <paramref name="ReplacesReportNumber"/> for <paramref name="Reason"/>.</summary>
public sealed record CertificateAmendment(string ReplacesReportNumber, string Reason);

/// <summary>An item as described, identified and received (clause 7.8.2.1 g, h).</summary>
public sealed record CertificateSample(
    string Barcode, string Name, string? Model, string? Brand, string? Batch,
    int Quantity, int? ReceivedQuantity, SampleCondition Condition, string? DeviationNote, DateOnly ReceivedOn);

/// <summary>One reported result beside its requirement and verdict (clause 7.8.2.1 m).</summary>
public sealed record CertificateResult
{
    public required string SampleBarcode { get; init; }
    public required string MethodCode { get; init; }
    public required CertificateText MethodName { get; init; }
    /// <summary>检测依据: the standard with its year, e.g. GB/T 41231-2021.</summary>
    public required string Standard { get; init; }
    /// <summary>标准要求.</summary>
    public required CertificateText Requirement { get; init; }
    /// <summary>检测结果 as printed: a value, a grade, or 符合/Pass for an inspection.</summary>
    public required CertificateText Result { get; init; }
    /// <summary>Unit of the value; empty for grades and inspections.</summary>
    public string Unit { get; init; } = "";
    /// <summary>Expanded uncertainty U (k = 2) in the unit, where the lab has evaluated it.</summary>
    public double? ExpandedUncertainty { get; init; }
    /// <summary>单项判定.</summary>
    public required Verdict Verdict { get; init; }
    public required DateOnly TestedFrom { get; init; }
    public required DateOnly TestedTo { get; init; }
    public string? InstrumentCode { get; init; }
    /// <summary>Performed by an external provider: marked on the report (clause 7.8.2.1 p).</summary>
    public bool Subcontracted { get; init; }
    /// <summary>The external laboratory that performed a subcontracted test, named in the footnote.</summary>
    public string? Subcontractor { get; init; }
    /// <summary>The curve of the run behind the result (force–displacement, wind ramp, UV spectra), when it has one.</summary>
    public CertificateCurve? Curve { get; init; }
}

/// <summary>A chart: one or more series over the same axes.</summary>
public sealed record CertificateCurve(
    CertificateText XLabel, string XUnit, CertificateText YLabel, string YUnit, IReadOnlyList<CertificateSeries> Series);

/// <summary>Points of one series; <see cref="X"/> and <see cref="Y"/> have the same length.</summary>
public sealed record CertificateSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>A name on the signature block and when the person signed; several people are joined with "、".</summary>
public sealed record CertificateSignature(string Name, DateTime? At);
