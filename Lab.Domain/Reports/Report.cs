using Lab.Domain.Common;
using Lab.Domain.Requests;

namespace Lab.Domain.Reports;

public enum ReportStatus { Issued, Superseded, Withdrawn }

/// <summary>
/// A test report (检测报告), issued when the authorized signatory approves. It is never edited: a correction is a
/// new report that says which one it replaces and why (ISO/IEC 17025 clause 7.8.8), and the old one is marked
/// superseded. The PDF is attached once, with its SHA-256, by the certificate job.
/// </summary>
public class Report
{
    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public int TestRequestId { get; private set; }
    public ReportLanguage Language { get; private set; }
    public ReportStatus Status { get; private set; } = ReportStatus.Issued;
    public DateTime IssuedAt { get; private set; }
    /// <summary>The unguessable code behind the QR on the report (/verify/{code}).</summary>
    public string VerificationCode { get; private set; } = "";
    public string TestedBy { get; private set; } = "";
    public string ReviewedBy { get; private set; } = "";
    public DateTime ReviewedAt { get; private set; }
    public string ApprovedBy { get; private set; } = "";
    public DateTime ApprovedAt { get; private set; }
    /// <summary>The statement of conformity as issued (检测结论): kept, so a superseded report still says what it said.</summary>
    public Catalog.Verdict? Conclusion { get; private set; }
    public string? PdfSha256 { get; private set; }
    public string? PdfPath { get; private set; }
    public int? SupersedesReportId { get; private set; }
    public Report? Supersedes { get; private set; }
    public string? AmendmentReason { get; private set; }
    public Report? SupersededBy { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawalReason { get; private set; }

    private Report() { } // for EF

    public Report(string number, int testRequestId, ReportLanguage language, string verificationCode,
        string testedBy, string reviewedBy, DateTime reviewedAt, string approvedBy, DateTime approvedAt)
    {
        Number = Guard.Text(number, nameof(number), 30);
        if (testRequestId <= 0) throw new DomainException("required", "A report belongs to a request.");
        TestRequestId = testRequestId;
        Language = language;
        if (string.IsNullOrWhiteSpace(verificationCode) || verificationCode.Length < 16)
            throw new DomainException("verification-code", "A verification code has at least 16 characters so it cannot be guessed.");
        VerificationCode = verificationCode;
        TestedBy = Guard.Text(testedBy, nameof(testedBy), 300);
        ReviewedBy = Guard.Text(reviewedBy, nameof(reviewedBy), 300);
        ApprovedBy = Guard.Text(approvedBy, nameof(approvedBy));
        ReviewedAt = reviewedAt;
        ApprovedAt = approvedAt;
        IssuedAt = approvedAt;
    }

    /// <summary>Records the conclusion the report states, once, at issue.</summary>
    public void StateConclusion(Catalog.Verdict conclusion)
    {
        if (Conclusion is not null) throw new DomainException("report-conclusion", $"Report {Number} already states its conclusion; an issued report is never edited.");
        Conclusion = conclusion;
    }

    public void AttachPdf(string sha256, string path)
    {
        if (PdfSha256 is not null) throw new DomainException("report-pdf-attached", $"Report {Number} already has its PDF; an issued report is never regenerated.");
        if (sha256 is not { Length: 64 } || !sha256.All(Uri.IsHexDigit))
            throw new DomainException("report-pdf-hash", "A SHA-256 is 64 hexadecimal digits.");
        PdfPath = Guard.Text(path, nameof(path), 500);
        PdfSha256 = sha256.ToLowerInvariant();
    }

    /// <summary>This report is replaced by <paramref name="amendment"/>, which states why.</summary>
    public void SupersedeWith(Report amendment, string reason)
    {
        if (Status != ReportStatus.Issued) throw new DomainException("report-not-issued", $"Report {Number} is {Status}: only a valid report can be amended.");
        if (amendment.TestRequestId != TestRequestId || ReferenceEquals(amendment, this))
            throw new DomainException("report-amendment", "An amendment replaces a report of the same request.");
        if (amendment.Status != ReportStatus.Issued) throw new DomainException("report-amendment", $"Report {amendment.Number} is {amendment.Status}: it cannot amend another report.");
        if (amendment.Supersedes is not null) throw new DomainException("report-amendment", $"Report {amendment.Number} already amends another report.");
        amendment.AmendmentReason = Guard.Text(reason, nameof(reason), 1000);
        amendment.Supersedes = this;
        SupersededBy = amendment;
        Status = ReportStatus.Superseded;
    }

    public void Withdraw(string reason, DateTime at)
    {
        if (Status != ReportStatus.Issued) throw new DomainException("report-not-issued", $"Report {Number} is {Status}: it cannot be withdrawn.");
        WithdrawalReason = Guard.Text(reason, nameof(reason), 1000);
        WithdrawnAt = at;
        Status = ReportStatus.Withdrawn;
    }
}
