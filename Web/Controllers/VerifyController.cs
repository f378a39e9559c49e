using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Web.Reports;

namespace Web.Controllers;

/// <summary>
/// The public verification page, the target of the QR on every report: anyone holding the code sees whether the
/// report is genuine and still valid, and can check that a PDF they were given is the one the lab issued.
/// Rate-limited per client address; an unknown code is a friendly 404.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(VerifyRateLimit.Policy)]
[Route("verify")]
public class VerifyController(ReportVerification verification) : Controller
{
    /// <summary>A report PDF is a few MB at most; anything much larger is not one of ours.</summary>
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>A code typed from a paper report (the form on this page and on the 404 page).</summary>
    [HttpGet("")]
    public IActionResult Enter(string? code)
    {
        var normalized = VerificationCodes.Normalize(code);
        if (normalized is not null) return RedirectToAction(nameof(Report), new { code = normalized });
        return View("Enter", code);
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Report(string code)
    {
        var report = await verification.FindAsync(code, HttpContext.RequestAborted);
        return report is null ? Unknown(code) : View("Report", report);
    }

    /// <summary>Compares an uploaded PDF (or a pasted SHA-256) with the stored one; the file is hashed and dropped, never kept.</summary>
    [HttpPost("{code}")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<IActionResult> Check(string code, IFormFile? pdf, string? sha256)
    {
        var report = await verification.FindAsync(code, HttpContext.RequestAborted);
        if (report is null) return Unknown(code);
        var check = await ReportVerification.CheckAsync(report, pdf, sha256, HttpContext.RequestAborted);
        return View("Report", report with { Check = check });
    }

    private ViewResult Unknown(string code)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Unknown", code);
    }
}
