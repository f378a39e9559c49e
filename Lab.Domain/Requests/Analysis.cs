using System.Globalization;
using Lab.Domain.Catalog;
using Lab.Domain.Common;

namespace Lab.Domain.Requests;

/// <summary>
/// One method on one sample. It keeps the method's limit, unit, precision, uncertainty and price as they were
/// when booked, so a later catalog revision never changes what the customer agreed to or what is reported.
/// State changes go through the <see cref="TestRequest"/> that owns the sample, which keeps the request's
/// and sample's states in step.
/// </summary>
public class Analysis
{
    private readonly List<ResultChange> _changes = [];

    public int Id { get; private set; }
    public int SampleId { get; private set; }
    public int TestMethodId { get; private set; }
    public TestMethod? Method { get; private set; }
    public string MethodCode { get; private set; } = "";
    public int MethodVersion { get; private set; }
    public SpecLimit Limit { get; private set; } = SpecLimit.PassFail();
    public string Unit { get; private set; } = "";
    public int Precision { get; private set; }
    public double? ExpandedUncertainty { get; private set; }
    public decimal PriceCny { get; private set; }
    public AnalysisStatus Status { get; private set; } = AnalysisStatus.Pending;

    public double? ResultValue { get; private set; }
    /// <summary>The reported value as printed: rounded to the method's precision, or 合格/不合格 for an inspection.</summary>
    public string? ResultText { get; private set; }
    public Verdict? Verdict { get; private set; }
    public string? ProducedBy { get; private set; }
    public DateTime? ProducedAt { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTime? VerifiedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public string? FailureReason { get; private set; }
    public string? RetractionReason { get; private set; }
    /// <summary>Who retracted the result, and when (the retracted result stays on record).</summary>
    public string? RetractedBy { get; private set; }
    public DateTime? RetractedAt { get; private set; }
    /// <summary>For a retest: the retracted analysis it replaces.</summary>
    public int? RetestOfId { get; private set; }
    /// <summary>The external laboratory that performs it (from the method when booked); marked on the report.</summary>
    public string? Subcontractor { get; private set; }
    /// <summary>Every change of the result after it was first recorded, oldest first.</summary>
    public IReadOnlyList<ResultChange> Changes => _changes;

    private Analysis() { } // for EF

    internal Analysis(TestMethod method)
    {
        Method = method ?? throw new DomainException("required", "An analysis needs a method.");
        if (!method.Active) throw new DomainException("method-inactive", $"Method {method.Code} is no longer offered.");
        TestMethodId = method.Id;
        MethodCode = method.Code;
        MethodVersion = method.Version;
        Limit = method.Limit;
        Unit = method.Unit;
        Precision = method.Precision;
        ExpandedUncertainty = method.ExpandedUncertainty;
        PriceCny = method.PriceCny;
        Subcontractor = method.Subcontractor;
    }

    private Analysis(Analysis retracted)
    {
        Method = retracted.Method;
        TestMethodId = retracted.TestMethodId;
        MethodCode = retracted.MethodCode;
        MethodVersion = retracted.MethodVersion;
        Limit = retracted.Limit;
        Unit = retracted.Unit;
        Precision = retracted.Precision;
        ExpandedUncertainty = retracted.ExpandedUncertainty;
        Subcontractor = retracted.Subcontractor;
        PriceCny = 0; // a retest is the lab's own correction, not billed again
        RetestOfId = retracted.Id;
    }

    /// <summary>Counts towards the request: not a retracted result kept only for the record.</summary>
    public bool IsCurrent => Status != AnalysisStatus.Retracted;
    public bool HasResult => Status is AnalysisStatus.ToBeVerified or AnalysisStatus.Verified;

    /// <summary>Who changed the result last (null when it stands as first recorded).</summary>
    public string? LastCorrectedBy => _changes
        .OrderBy(c => c.At).ThenBy(c => c.Id == 0 ? int.MaxValue : c.Id) // as loaded the order is not guaranteed; unsaved ones are newest
        .LastOrDefault()?.By;

    /// <summary>
    /// Four eyes: the person who produced the result, or who corrected it last, may never verify it. The same rule
    /// <see cref="Verify"/> enforces, for pages that offer the action only to whom it is allowed.
    /// </summary>
    public bool MayBeVerifiedBy(string person)
    {
        var who = (person ?? "").Trim();
        return who.Length > 0 && !string.Equals(who, ProducedBy, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(who, LastCorrectedBy, StringComparison.OrdinalIgnoreCase);
    }

    internal void Start(DateTime at)
    {
        if (Status is not (AnalysisStatus.Pending or AnalysisStatus.Failed))
            throw Illegal("start");
        Status = AnalysisStatus.Running;
        StartedAt = at;
        FailureReason = null;
    }

    internal void Fail(string reason)
    {
        if (Status != AnalysisStatus.Running) throw Illegal("fail");
        FailureReason = Guard.Text(reason, nameof(reason), 1000);
        Status = AnalysisStatus.Failed;
    }

    /// <summary>A measured value (from an instrument run, or typed in for a method without one).</summary>
    internal void RecordValue(double value, DecisionRule rule, string producedBy, DateTime at)
    {
        if (Status is not (AnalysisStatus.Pending or AnalysisStatus.Running)) throw Illegal("record a result for");
        SetValue(value, rule, producedBy, at);
    }

    /// <summary>
    /// Changes a result that is waiting for verification: the reason is required and the old value stays on record.
    /// A verified result is not changed; it is retracted and retested.
    /// </summary>
    internal void CorrectValue(double value, DecisionRule rule, string reason, string by, DateTime at)
    {
        if (Status != AnalysisStatus.ToBeVerified) throw Illegal("correct the result of");
        var (oldText, oldVerdict) = (ResultText, Verdict);
        var why = Guard.Text(reason, nameof(reason), 1000);
        var who = Guard.Text(by, nameof(by));
        var (rounded, text, verdict) = Judge(value, rule);
        // The person who produced the result stays its producer; the corrector is on the change.
        SetResult(rounded, text, verdict, ProducedBy!, ProducedAt!.Value);
        _changes.Add(new ResultChange(oldText, oldVerdict, ResultText!, Verdict!.Value, why, who, at));
    }

    internal void CorrectFinding(bool meetsRequirement, string reason, string by, DateTime at)
    {
        if (Status != AnalysisStatus.ToBeVerified) throw Illegal("correct the result of");
        var (oldText, oldVerdict) = (ResultText, Verdict);
        var why = Guard.Text(reason, nameof(reason), 1000);
        var who = Guard.Text(by, nameof(by));
        SetResult(null, meetsRequirement ? "Pass" : "Fail", Limit.Judge(meetsRequirement), ProducedBy!, ProducedAt!.Value);
        _changes.Add(new ResultChange(oldText, oldVerdict, ResultText!, Verdict!.Value, why, who, at));
    }

    private void SetValue(double value, DecisionRule rule, string producedBy, DateTime at)
    {
        var (rounded, text, verdict) = Judge(value, rule);
        SetResult(rounded, text, verdict, producedBy, at);
    }

    /// <summary>The value as reported (rounded to the method's precision) and its verdict under the request's decision rule.</summary>
    private (double Rounded, string Text, Verdict Verdict) Judge(double value, DecisionRule rule)
    {
        if (!double.IsFinite(value)) throw new DomainException("value-not-finite", "A measured value must be a finite number.");
        var rounded = Math.Round(value, Precision, MidpointRounding.ToEven);
        var verdict = Limit.Judge(rounded, rule, ExpandedUncertainty);
        return (rounded, Limit.Kind == LimitKind.Grade ? Grades.Format(rounded) : rounded.ToString("F" + Precision, CultureInfo.InvariantCulture), verdict);
    }

    /// <summary>The finding of a pass/fail inspection.</summary>
    internal void RecordFinding(bool meetsRequirement, string producedBy, DateTime at)
    {
        if (Status is not (AnalysisStatus.Pending or AnalysisStatus.Running)) throw Illegal("record a result for");
        var verdict = Limit.Judge(meetsRequirement);
        SetResult(null, meetsRequirement ? "Pass" : "Fail", verdict, producedBy, at);
    }

    private void SetResult(double? value, string text, Verdict verdict, string producedBy, DateTime at)
    {
        ResultValue = value;
        ResultText = text;
        Verdict = verdict;
        ProducedBy = Guard.Text(producedBy, nameof(producedBy));
        ProducedAt = at;
        StartedAt ??= at;
        Status = AnalysisStatus.ToBeVerified;
    }

    internal void Verify(string verifiedBy, DateTime at)
    {
        if (Status != AnalysisStatus.ToBeVerified) throw Illegal("verify");
        var by = Guard.Text(verifiedBy, nameof(verifiedBy));
        if (string.Equals(by, ProducedBy, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("self-verification", $"The result of {MethodCode} was produced by the same person; someone else must verify it.");
        if (string.Equals(by, LastCorrectedBy, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("self-verification", $"The result of {MethodCode} was last corrected by the same person; someone else must verify it.");
        VerifiedBy = by;
        VerifiedAt = at;
        Status = AnalysisStatus.Verified;
    }

    /// <summary>Withdraws a result that cannot stand; it stays on record and a retest replaces it.</summary>
    internal Analysis Retract(string reason, string? by, DateTime? at)
    {
        if (Status is not (AnalysisStatus.ToBeVerified or AnalysisStatus.Verified)) throw Illegal("retract");
        RetractionReason = Guard.Text(reason, nameof(reason), 1000);
        RetractedBy = Guard.OptionalText(by, nameof(by), 200);
        RetractedAt = at;
        Status = AnalysisStatus.Retracted;
        return new Analysis(this) { SampleId = SampleId };
    }

    private DomainException Illegal(string verb) =>
        new("analysis-" + verb.Replace(' ', '-'), $"Cannot {verb} analysis {MethodCode}: it is {Status}.");
}
