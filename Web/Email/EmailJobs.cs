using Hangfire;
using Hangfire.Server;
using Lab.Data;
using Lab.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Web.Infrastructure;

namespace Web.Email;

/// <summary>
/// Sends one stored email. Safe to run twice (a sent email is not sent again); a failure is recorded on the
/// email and retried by Hangfire with growing delays; after the last attempt the email is marked Failed,
/// visible to the lab, and can be sent again.
/// </summary>
public sealed class EmailJobs(LabDbContext db, IMailSender sender, DataPaths paths, TimeProvider clock, IBackgroundJobClient jobs,
    Barcodes.RequestLabels labels, ILogger<EmailJobs> logger)
{
    public const int MaxAttempts = 8;

    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [10, 30, 60, 120, 300, 600, 1200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [Queue("email")]
    public async Task SendAsync(int emailId, PerformContext? context)
    {
        var email = await db.OutgoingEmails.SingleOrDefaultAsync(e => e.Id == emailId);
        if (email is null || email.Status == EmailStatus.Sent) return;
        email.Attempts++;
        try
        {
            var receipt = await sender.SendAsync(await ToMimeAsync(email));
            email.Status = EmailStatus.Sent;
            email.SentAt = clock.GetUtcNow().UtcDateTime;
            email.ServerResponse = Truncate(receipt.Response, 500);
            email.LastError = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var retry = context?.GetJobParameter<int>("RetryCount") ?? 0;
            email.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
            email.Status = retry >= MaxAttempts - 1 ? EmailStatus.Failed : EmailStatus.Queued;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(ex, "Email {Id} ({Purpose}) to {To} failed (attempt {Attempt})", email.Id, email.Purpose, email.To, email.Attempts);
            throw;
        }
    }

    /// <summary>Finds emails whose send job never ran (the process stopped between saving and enqueuing).</summary>
    [DisableConcurrentExecution(60)]
    public async Task SweepAsync()
    {
        var before = clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        var lost = await db.OutgoingEmails.Where(e => e.Status == EmailStatus.Queued && e.Attempts == 0 && e.CreatedAt < before)
            .Select(e => e.Id).Take(500).ToListAsync();
        foreach (var id in lost) jobs.Enqueue<EmailJobs>(j => j.SendAsync(id, null));
    }

    /// <summary>An attachment made when the email is sent (not stored): the labels of a request.</summary>
    public const string LabelsAttachment = "labels-pdf:";

    private async Task<MimeMessage> ToMimeAsync(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(sender.From);
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Headers.Add("X-LabLims-Email", email.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add("Content-Language", email.Culture);
        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody };
        foreach (var file in (email.Attachments ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (file.StartsWith(LabelsAttachment, StringComparison.Ordinal))
            {
                var number = file[LabelsAttachment.Length..];
                var request = await labels.FindAsync(number, null);
                if (request is not null)
                    body.Attachments.Add($"{number}-labels.pdf", labels.Pdf(request, Barcodes.LabelPdfLayout.A4Sheet), new ContentType("application", "pdf"));
            }
            else body.Attachments.Add(Path.Combine(paths.Files, file));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
