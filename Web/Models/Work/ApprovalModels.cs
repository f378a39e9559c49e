using Lab.Data.Outbox;
using Lab.Domain.Catalog;
using Lab.Domain.Reports;
using Lab.Domain.Requests;

namespace Web.Models.Work;

public sealed record ApprovalResultVm(string Barcode, string SampleName, string MethodCode, string NameZh, string NameEn, string Standard,
    string Requirement, string? ResultText, string Unit, Verdict? Verdict, AnalysisStatus Status, string ProducedBy, DateTime? ProducedAt,
    string VerifiedBy, DateTime? VerifiedAt);

public sealed record ApprovalReportVm(string Number, ReportStatus Status, DateTime IssuedAt, string ApprovedBy, string? PdfSha256,
    string? SupersedesNumber, string? AmendmentReason, string? SupersededByNumber);

public sealed record DeliveryVm(int Id, string To, EmailStatus Status, int Attempts, string? ServerResponse, string? LastError,
    DateTime CreatedAt, DateTime? SentAt, string? Reference);

public sealed record ApprovalDetailVm(string RequestNumber, RequestStatus Status, string EnterpriseName, string ContactName,
    ReportLanguage Language, DecisionRule DecisionRule, IReadOnlyList<string> Recipients, string? AmendmentReason,
    IReadOnlyList<ApprovalResultVm> Results, IReadOnlyList<ApprovalReportVm> Reports, IReadOnlyList<DeliveryVm> Deliveries,
    bool Ready, bool CanSign)
{
    public Verdict? Conclusion => Results.Count == 0 || Results.Any(r => r.Verdict is null) ? null
        : Results.Any(r => r.Verdict == Lab.Domain.Catalog.Verdict.Fail) ? Lab.Domain.Catalog.Verdict.Fail
        : Results.All(r => r.Verdict == Lab.Domain.Catalog.Verdict.Pass) ? Lab.Domain.Catalog.Verdict.Pass
        : Lab.Domain.Catalog.Verdict.Inconclusive;
}
