using Lab.Data;
using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Web.Reports;

/// <summary>A report as its request page and the booking API list it.</summary>
public sealed record ReportSummary(int TestRequestId, string Number, DateTime IssuedAt, ReportStatus Status, string VerificationCode,
    string? PdfSha256, string? SupersedesNumber, string? AmendmentReason, string? SupersededByNumber, DateTime? WithdrawnAt,
    string? WithdrawalReason)
{
    public bool HasPdf => PdfSha256 is not null;
}

public static class ReportQueries
{
    /// <summary>A client's enterprise's reports (through their requests), or every report for the lab (null).</summary>
    public static IQueryable<Report> VisibleTo(this IQueryable<Report> reports, LabDbContext db, int? enterpriseId) =>
        enterpriseId is { } id
            ? reports.Where(r => db.TestRequests.Any(t => t.Id == r.TestRequestId && t.EnterpriseId == id))
            : reports;

    /// <summary>The reports of these requests, oldest first within each request (an amendment after what it replaces).</summary>
    public static async Task<ILookup<int, ReportSummary>> SummariesAsync(this LabDbContext db, IReadOnlyCollection<int> requestIds,
        CancellationToken ct = default)
    {
        if (requestIds.Count == 0) return Array.Empty<ReportSummary>().ToLookup(r => r.TestRequestId);
        var rows = await db.Reports.AsNoTracking()
            .Where(r => requestIds.Contains(r.TestRequestId))
            .OrderBy(r => r.IssuedAt).ThenBy(r => r.Id)
            .Select(r => new ReportSummary(r.TestRequestId, r.Number, r.IssuedAt, r.Status, r.VerificationCode, r.PdfSha256,
                r.Supersedes != null ? r.Supersedes.Number : null, r.AmendmentReason,
                r.SupersededBy != null ? r.SupersededBy.Number : null, r.WithdrawnAt, r.WithdrawalReason))
            .ToListAsync(ct);
        return rows.ToLookup(r => r.TestRequestId);
    }

    public static async Task<IReadOnlyList<ReportSummary>> SummariesAsync(this LabDbContext db, TestRequest request, CancellationToken ct = default) =>
        (await db.SummariesAsync([request.Id], ct))[request.Id].ToList();
}
