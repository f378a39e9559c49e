using Lab.Data;
using Lab.Data.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Api;
using Web.Reports;

namespace Web.Controllers.Api;

/// <summary>
/// GET /api/v1/reports/{number}.pdf: the issued PDF exactly as stored (its SHA-256 is the one recorded at issue).
/// An enterprise key gets its own enterprise's reports (another's answers 404 like an unknown number); the lab's
/// station keys any; instrument keys none (403).
/// </summary>
[ApiController]
[Route("api/v1/reports")]
[Authorize(Policy = ApiKeyDefaults.AnyKeyPolicy)]
public sealed class ReportsApiController(LabDbContext db, ReportFiles files, IStringLocalizer<SharedResource> l) : ControllerBase
{
    [HttpGet("{number}.pdf")]
    public async Task<IActionResult> Pdf(string number)
    {
        var kind = User.FindFirst(ApiKeyDefaults.KindClaim)?.Value;
        if (kind == nameof(ApiKeyKind.Instrument)) return Forbid(ApiKeyDefaults.Scheme);
        int? scope = kind == nameof(ApiKeyKind.Enterprise) ? User.EnterpriseId() ?? -1 : null;

        var report = await db.Reports.AsNoTracking().VisibleTo(db, scope).SingleOrDefaultAsync(r => r.Number == number, HttpContext.RequestAborted);
        if (report is null)
            return Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.NotFound.Report"], type: ApiProblems.TypeFor(404));

        var pdf = await files.ReadAsync(report, HttpContext.RequestAborted);
        return pdf.State switch
        {
            StoredPdfState.Ready => File(pdf.Bytes!, "application/pdf", StoredPdf.FileName(report)),
            StoredPdfState.NotGenerated => Problem(statusCode: StatusCodes.Status409Conflict, title: l["Reports.Generating", report.Number],
                type: ApiProblems.TypeFor(409)),
            _ => Problem(statusCode: StatusCodes.Status500InternalServerError, title: l["Reports.FileDamaged", report.Number],
                type: ApiProblems.TypeFor(500)),
        };
    }
}
