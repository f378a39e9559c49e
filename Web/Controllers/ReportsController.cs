using Lab.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;
using Web.Reports;

namespace Web.Controllers;

/// <summary>
/// A report's PDF for people signed in: the enterprise its own (from its request page), staff any. Another
/// enterprise's report answers 404, exactly like a number that does not exist.
/// </summary>
[Authorize]
public class ReportsController(LabDbContext db, ReportFiles files, CurrentUser currentUser) : Controller
{
    [HttpGet("/reports/{number}.pdf")]
    public async Task<IActionResult> Pdf(string number)
    {
        if (!currentUser.IsClient && !currentUser.IsStaff) return NotFound();
        var report = await db.Reports.AsNoTracking().VisibleTo(db, await currentUser.EnterpriseIdAsync())
            .SingleOrDefaultAsync(r => r.Number == number, HttpContext.RequestAborted);
        if (report is null) return NotFound();

        var pdf = await files.ReadAsync(report, HttpContext.RequestAborted);
        if (pdf.State == StoredPdfState.Ready) return File(pdf.Bytes!, "application/pdf", StoredPdf.FileName(report));
        Response.StatusCode = pdf.State == StoredPdfState.NotGenerated ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;
        return View("Unavailable", new ReportUnavailableVm(report.Number, pdf.State,
            await db.TestRequests.Where(r => r.Id == report.TestRequestId).Select(r => r.Number).SingleAsync(HttpContext.RequestAborted)));
    }
}

public sealed record ReportUnavailableVm(string Number, StoredPdfState State, string? RequestNumber);
