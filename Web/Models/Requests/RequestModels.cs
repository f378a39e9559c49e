using Lab.Domain.Catalog;
using Lab.Domain.Enterprises;
using Lab.Domain.Requests;

namespace Web.Models.Requests;

public sealed record RequestRowVm(int Id, string? Number, RequestStatus Status, int EnterpriseId, string EnterpriseName,
    int SampleCount, int AnalysisCount, DateTime CreatedAt, DateTime? SubmittedAt, DateOnly? DueDate, decimal TotalCny);

public sealed record RequestListVm(IReadOnlyList<RequestRowVm> Rows, string? Query, RequestStatus? Status, bool IsClient);

public sealed record AnalysisVm(int Id, string MethodCode, string NameZh, string NameEn, string Standard, string Requirement,
    string RequirementZh, string RequirementEn, AnalysisStatus Status, string? ResultText, string Unit, Verdict? Verdict,
    decimal PriceCny, string? ProducedBy, string? VerifiedBy, string? RetractionReason = null, int? RetestOfId = null);

public sealed record SampleVm(int Id, string? Barcode, string Name, string? Model, string? Brand, string? Batch, int Quantity,
    string? Description, SampleStatus Status, DateTime? ReceivedAt, SampleCondition? Condition, string? ReceiptNote,
    IReadOnlyList<AnalysisVm> Analyses);

public sealed record RequestDetailsVm(int Id, string? Number, RequestStatus Status, string EnterpriseName, string EnterpriseAddress,
    DecisionRule DecisionRule, Urgency Urgency, ReportLanguage ReportLanguage, SampleDisposal SampleDisposal,
    bool SubcontractingAllowed, string? Notes, IReadOnlyList<string> ReportRecipients, DateTime CreatedAt,
    DateTime? SubmittedAt, DateTime? ReceivedAt, DateTime? TestingStartedAt, DateTime? ReviewingAt, DateTime? IssuedAt,
    DateTime? CancelledAt, string? CancellationReason, DateOnly? DueDate, decimal TotalCny, IReadOnlyList<SampleVm> Samples)
{
    /// <summary>The request's reports, oldest first: issued, superseded by an amendment, or withdrawn.</summary>
    public IReadOnlyList<Web.Reports.ReportSummary> Reports { get; init; } = [];
    /// <summary>The manufacturer (生产单位) when it is not the customer.</summary>
    public string? ProducerName { get; init; }
    public string? ProducerAddress { get; init; }

    public static RequestDetailsVm From(TestRequest r, Enterprise e, Func<string?, string> name) => new(
        r.Id, r.Number, r.Status, e.Name, e.Address, r.DecisionRule, r.Urgency, r.ReportLanguage, r.SampleDisposal,
        r.SubcontractingAllowed, r.Notes, r.ReportRecipients, r.CreatedAt, r.SubmittedAt, r.ReceivedAt, r.TestingStartedAt,
        r.ReviewingAt, r.IssuedAt, r.CancelledAt, r.CancellationReason, r.DueDate, r.TotalCny,
        r.Samples.Select(s => new SampleVm(s.Id, s.Barcode, s.Name, s.Model, s.Brand, s.Batch, s.Quantity, s.Description,
            s.Status, s.ReceivedAt, s.ConditionOnReceipt, s.ReceiptNote,
            s.Analyses.OrderBy(a => a.Id).Select(a => new AnalysisVm(a.Id, a.MethodCode, a.Method?.NameZh ?? a.MethodCode,
                a.Method?.NameEn ?? a.MethodCode, a.Method?.Standard ?? "", a.Limit.Describe(a.Unit),
                a.Method?.RequirementZh ?? "", a.Method?.RequirementEn ?? "", a.Status, a.ResultText, a.Unit, a.Verdict,
                a.PriceCny, a.ProducedBy is null ? null : name(a.ProducedBy), a.VerifiedBy is null ? null : name(a.VerifiedBy),
                a.RetractionReason, a.RetestOfId)).ToList())).ToList())
    {
        ProducerName = r.ProducerName,
        ProducerAddress = r.ProducerAddress,
    };

    /// <summary>For staff: the run whose curve to draw, by analysis (the latest completed run whose raw data holds a curve).</summary>
    public IReadOnlyDictionary<int, int> CurveRuns { get; init; } = new Dictionary<int, int>();
}

public sealed record BookingFormVm(Web.Booking.BookingInput Input, int? DraftId, string EnterpriseName,
    IReadOnlyList<ProductFamily> Families, IReadOnlyList<TestMethod> Methods, Quote? Quote, string RecipientsText,
    PricingTerms Terms, int? FocusSample)
{
    public string? FormAction { get; init; }
    /// <summary>Reception books for the enterprise at the desk: no drafts, submit goes straight to receiving.</summary>
    public bool WalkIn { get; init; }
    public string Action => FormAction ?? (DraftId is { } id ? $"/requests/draft/{id}" : "/requests/new");
}
