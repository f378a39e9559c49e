using Hangfire;
using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Outbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Email;
using Web.Infrastructure;
using Web.Models.Work;

namespace Web.Controllers;

/// <summary>
/// Admin's view of outgoing email: every message with its delivery state (queued, sent with the server's reply,
/// failed with the reason), failures first, and a resend. A failed email is sent again as the same message; a
/// sent one is copied into a new message, so the log keeps both deliveries.
/// </summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/emails")]
public class EmailsController(LabDbContext db, IBackgroundJobClient jobs, TimeProvider clock, IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status)
    {
        var query = db.OutgoingEmails.AsNoTracking();
        if (Enum.TryParse<EmailStatus>(status, ignoreCase: true, out var s)) query = query.Where(e => e.Status == s);
        var rows = await query.OrderBy(e => e.Status == EmailStatus.Failed ? 0 : e.Status == EmailStatus.Queued ? 1 : 2)
            .ThenByDescending(e => e.CreatedAt)
            .Select(e => new DeliveryVm(e.Id, e.To, e.Status, e.Attempts, e.ServerResponse, e.LastError, e.CreatedAt, e.SentAt,
                e.Reference != null ? e.Reference + " · " + e.Purpose : e.Purpose))
            .Take(300).ToListAsync();
        var failed = await db.OutgoingEmails.CountAsync(e => e.Status == EmailStatus.Failed);
        ViewData["Failed"] = failed;
        ViewData["Filter"] = status;
        return View(rows);
    }

    [HttpPost("{id:int}/resend"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Resend(int id)
    {
        var email = await db.OutgoingEmails.SingleOrDefaultAsync(e => e.Id == id);
        if (email is null) return NotFound();
        switch (email.Status)
        {
            case EmailStatus.Queued:
                TempData["Error"] = L["Deliveries.AlreadyQueued", email.To].Value;
                break;
            case EmailStatus.Failed:
                email.Status = EmailStatus.Queued;
                await db.SaveChangesAsync();
                jobs.Enqueue<EmailJobs>(j => j.SendAsync(email.Id, null));
                TempData["Message"] = L["Deliveries.Resending", email.To].Value;
                break;
            default:
                var copy = new OutgoingEmail
                {
                    Purpose = email.Purpose, Reference = email.Reference, To = email.To, Subject = email.Subject,
                    HtmlBody = email.HtmlBody, TextBody = email.TextBody, Attachments = email.Attachments, Culture = email.Culture,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.OutgoingEmails.Add(copy);
                await db.SaveChangesAsync();
                jobs.Enqueue<EmailJobs>(j => j.SendAsync(copy.Id, null));
                TempData["Message"] = L["Deliveries.Resending", email.To].Value;
                break;
        }
        var back = Request.Headers.Referer.ToString();
        return Uri.TryCreate(back, UriKind.Absolute, out var uri) && uri.Host == Request.Host.Host ? Redirect(uri.PathAndQuery) : RedirectToAction(nameof(Index));
    }
}
