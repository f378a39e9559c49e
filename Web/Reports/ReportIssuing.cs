using Hangfire;
using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Numbering;
using Lab.Domain.Common;
using Lab.Domain.Numbering;
using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Web.Infrastructure;

namespace Web.Reports;

/// <summary>
/// Approval by the authorized signatory, as an electronic signature: the signatory enters their password again,
/// and the report records who approved it and when, meaning "approved for issue". Approval issues the report in
/// one transaction (report number, verification code, the request Issued, samples into retention, an amended
/// report superseded), then the certificate job renders the PDF and emails it.
/// </summary>
public sealed class ReportIssuing(LabDbContext db, NumberAllocator numbers, SignInManager<LabUser> signIn, IBackgroundJobClient jobs,
    TimeProvider clock, IOptions<LabOptions> options, ILogger<ReportIssuing> logger)
{
    /// <summary>The request with everything approval needs (samples and analyses, not the custody chain).</summary>
    public Task<TestRequest?> FindAsync(string requestNumber, CancellationToken ct = default) =>
        db.TestRequests.Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Number == requestNumber, ct);

    public async Task<Report> ApproveAsync(string requestNumber, LabUser signatory, string password, CancellationToken ct = default)
    {
        await CheckSignatureAsync(signatory, password);
        return await IssueAsync(requestNumber, signatory.Email!, ct);
    }

    /// <summary>The issue itself, once the signature is checked (<see cref="ApproveAsync"/>); the benchmarks call it directly.</summary>
    public async Task<Report> IssueAsync(string requestNumber, string signatoryEmail, CancellationToken ct = default)
    {
        var request = await FindAsync(requestNumber, ct)
            ?? throw new DomainException("request-unknown", $"Request {requestNumber} does not exist.");
        var at = clock.GetUtcNow().UtcDateTime;
        var current = request.Analyses.Where(a => a.Status == AnalysisStatus.Verified).ToList();
        var amendmentReason = request.MarkIssued(at, Lang.Today(clock).AddDays(options.Value.RetentionDays));

        var number = await numbers.NextAsync(NumberKind.Report, ct);
        var report = new Report(number, request.Id, request.ReportLanguage, VerificationCodes.New(),
            testedBy: Join(current.Select(a => a.ProducedBy)),
            reviewedBy: Join(current.Select(a => a.VerifiedBy)),
            reviewedAt: current.Max(a => a.VerifiedAt) ?? at,
            approvedBy: signatoryEmail, approvedAt: at);
        report.StateConclusion(ReportConclusion.Of(request));
        db.Reports.Add(report);
        if (amendmentReason is not null)
        {
            var replaced = await db.Reports.Where(r => r.TestRequestId == request.Id && r.Status == ReportStatus.Issued)
                .OrderByDescending(r => r.IssuedAt).FirstOrDefaultAsync(ct);
            replaced?.SupersedeWith(report, amendmentReason);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Report {Report} of {Request} approved by {Signatory}{Amends}", number, request.Number, signatoryEmail,
            amendmentReason is null ? "" : " (amendment)");
        jobs.Enqueue<CertificateJobs>(j => j.GenerateAsync(report.Id, null));
        return report;
    }

    /// <summary>An issued report needs correcting: the request goes back to review (clause 7.8.8).</summary>
    public async Task OpenAmendmentAsync(string requestNumber, LabUser signatory, string password, string reason, CancellationToken ct = default)
    {
        await CheckSignatureAsync(signatory, password);
        var request = await FindAsync(requestNumber, ct)
            ?? throw new DomainException("request-unknown", $"Request {requestNumber} does not exist.");
        request.OpenAmendment(reason, signatory.Email!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The password again, counted against lockout like a sign-in; refused without signing anything.</summary>
    private async Task CheckSignatureAsync(LabUser signatory, string password)
    {
        if (string.IsNullOrEmpty(password))
            throw new DomainException("signature-password", "Enter your password to sign.");
        var result = await signIn.CheckPasswordSignInAsync(signatory, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
            throw new DomainException("signature-locked", "Too many wrong passwords: your account is locked for a while.");
        if (!result.Succeeded)
            throw new DomainException("signature-password", "The password is not correct: nothing was signed.");
    }

    private static string Join(IEnumerable<string?> people) =>
        string.Join(", ", people.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.OrdinalIgnoreCase));
}
