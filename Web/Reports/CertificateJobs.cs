using System.Security.Cryptography;
using Hangfire;
using Hangfire.Server;
using Lab.Data;
using Lab.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Web.Email;
using Web.Infrastructure;

namespace Web.Reports;

/// <summary>
/// After approval: render the report's PDF once, store it with its SHA-256 (never regenerated), then email it to
/// each of the request's report recipients (one stored email per recipient, sent by its own job, so a recipient
/// whose server refuses is retried alone and nobody receives it twice). Safe to run again at any step.
/// </summary>
public sealed class CertificateJobs(LabDbContext db, CertificateBuilder certificates, ICertificateRenderer renderer, DataPaths paths, EmailQueue emails,
    ReportEmails reportEmails, IBackgroundJobClient jobs, TimeProvider clock, ILogger<CertificateJobs> logger)
{
    // Two copies of one report's job (a retry, the sweep's) must not run at once, or both would stage the emails: the
    // lock is per report ({0} is the report id). A lock on the method made every other worker wait while one rendered,
    // asleep for a tenth of the timeout between looks (Hangfire.Storage.SQLite on Linux), see bench/ certificates-email.
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [5, 30, 120, 600, 1800, 3600], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution("certificate:{0}", 60)]
    public async Task GenerateAsync(int reportId, PerformContext? context)
    {
        var report = await db.Reports.Include(r => r.Supersedes).SingleOrDefaultAsync(r => r.Id == reportId);
        if (report is null) return;
        if (report.PdfSha256 is null)
        {
            var pdf = renderer.Render(await certificates.BuildAsync(reportId, CancellationToken.None));
            var relative = $"reports/{report.Number}.pdf";
            await WriteDurablyAsync(Path.Combine(paths.Files, relative), pdf);
            report.AttachPdf(Convert.ToHexStringLower(SHA256.HashData(pdf)), relative);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Report {Report}: PDF of {Bytes} bytes stored", report.Number, pdf.Length);
        }
        await StageEmailsAsync(report);
    }

    private async Task StageEmailsAsync(Report report)
    {
        if (await db.OutgoingEmails.AnyAsync(e => e.Purpose == ReportEmails.Purpose && e.Reference == report.Number)) return;
        var request = await db.TestRequests.AsNoTracking()
            .Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .AsSplitQuery().SingleAsync(r => r.Id == report.TestRequestId);
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == request.EnterpriseId);
        var recipients = request.ReportRecipients.Count > 0 ? request.ReportRecipients : [request.CreatedBy];
        var email = reportEmails.Issued(request, enterprise, report, report.Supersedes?.Number);
        foreach (var to in recipients)
            emails.Stage(email, to, ReportEmails.Purpose, report.Number, [report.PdfPath!]);
        await db.SaveChangesAsync(CancellationToken.None);
        emails.DispatchStaged();
    }

    private static async Task WriteDurablyAsync(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await file.WriteAsync(bytes);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Finds issued reports whose certificate job never ran or gave up, and runs it again.</summary>
    [DisableConcurrentExecution(60)]
    public async Task SweepAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (before, since) = (now.AddMinutes(-10), now.AddDays(-7));
        var lost = await db.Reports
            .Where(r => r.IssuedAt < before && r.IssuedAt > since
                && (r.PdfSha256 == null || !db.OutgoingEmails.Any(e => e.Purpose == ReportEmails.Purpose && e.Reference == r.Number)))
            .Select(r => r.Id).Take(100).ToListAsync();
        foreach (var id in lost)
        {
            logger.LogWarning("Report {Id} has no PDF or no emails 10 minutes after approval: running its job again", id);
            jobs.Enqueue<CertificateJobs>(j => j.GenerateAsync(id, null));
        }
    }
}
