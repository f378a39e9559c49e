using Hangfire;
using Lab.Data;
using Lab.Data.Outbox;

namespace Web.Email;

/// <summary>
/// Emails are stored with the change that causes them (one SaveChanges), then handed to the send job. Stage
/// the email, save, then <see cref="DispatchStaged"/>: a crash in between leaves it Queued in the database,
/// where <see cref="EmailJobs.SweepAsync"/> finds it. Nothing is lost, nothing is sent on the request path.
/// </summary>
public sealed class EmailQueue(LabDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    private readonly List<OutgoingEmail> _staged = [];

    public OutgoingEmail Stage(ComposedEmail email, string to, string purpose, string? reference, IEnumerable<string>? attachments = null)
    {
        var outgoing = new OutgoingEmail
        {
            Purpose = purpose,
            Reference = reference,
            To = to,
            Subject = email.Subject,
            HtmlBody = email.Html,
            TextBody = email.Text,
            Culture = email.Culture,
            Attachments = attachments is null ? null : string.Join('\n', attachments),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.OutgoingEmails.Add(outgoing);
        _staged.Add(outgoing);
        return outgoing;
    }

    /// <summary>Enqueues a send job for each email staged and saved in this scope.</summary>
    public void DispatchStaged()
    {
        foreach (var email in _staged.Where(e => e.Id > 0))
            jobs.Enqueue<EmailJobs>(j => j.SendAsync(email.Id, null));
        _staged.Clear();
    }
}
