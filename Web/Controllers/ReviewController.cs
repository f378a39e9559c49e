using Lab.Data.Identity;
using Lab.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Infrastructure;
using Web.Review;

namespace Web.Controllers;

/// <summary>
/// The reviewer's queue and review page: results waiting to be verified, grouped by request, each with its raw data,
/// curve, limit and verdict. Verify, or retract with a reason; nobody verifies a result they produced or corrected last.
/// </summary>
[Authorize(Roles = Roles.Reviewer + "," + Roles.Admin)]
[Route("review")]
public class ReviewController(ReviewService review, CurrentUser currentUser, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await review.QueueAsync(currentUser.Name));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var record = await review.RecordAsync(id);
        return record is null ? NotFound() : View(record);
    }

    [HttpPost("{id:int}/verify")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Verify(int id, string? seen, string? returnTo)
    {
        var outcome = await DecideAsync(async () =>
        {
            var (analysis, request) = await review.VerifyAsync(id, seen, currentUser.Name);
            var barcode = request.Samples.Single(s => s.Analyses.Contains(analysis)).Barcode!;
            return Verified(l["Review.VerifiedOne", analysis.MethodCode, review.Shown(analysis), barcode], request);
        });
        // Back to the queue for the next result; a refusal shows on the page the reviewer decided from.
        return Redirect(outcome || returnTo == "queue" ? "/review" : $"/review/{id}");
    }

    [HttpPost("requests/{number}/verify")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> VerifyAll(string number, int[]? analysisIds, string[]? seen)
    {
        var ids = analysisIds ?? [];
        var stamps = seen ?? [];
        var items = ids.Select((id, i) => (id, i < stamps.Length ? stamps[i] : null)).ToList();
        await DecideAsync(async () =>
        {
            var (count, request) = await review.VerifyAllAsync(number, items, currentUser.Name);
            return Verified(l["Review.VerifiedAll", count, request.Number!], request);
        });
        return Redirect("/review");
    }

    [HttpPost("{id:int}/retract")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Retract(int id, string? seen, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData["Error"] = l["Review.RetractReasonRequired"].Value;
            return Redirect($"/review/{id}");
        }
        var done = await DecideAsync(async () =>
        {
            var (retracted, retest) = await review.RetractAsync(id, seen, reason, currentUser.Name);
            return l["Review.Retracted", retracted.MethodCode, review.Shown(retracted), retest.Id];
        });
        return Redirect(done ? "/review" : $"/review/{id}");
    }

    private string Verified(string message, Lab.Domain.Requests.TestRequest request) =>
        request.IsReadyForApproval ? message + " " + l["Review.RequestReady", request.Number!] : message;

    /// <summary>Runs a decision; a refusal becomes the message on the page (never a 500), in the user's language.</summary>
    private async Task<bool> DecideAsync(Func<Task<string>> decide)
    {
        try
        {
            TempData["Message"] = await decide();
            return true;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = DomainExceptionFilter.Message(l, ex);
        }
        catch (StaleReviewException ex)
        {
            TempData["Error"] = ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = l["Review.Concurrent"].Value;
        }
        return false;
    }
}
