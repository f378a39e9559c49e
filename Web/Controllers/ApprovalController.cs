using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Models.Work;

namespace Web.Controllers;

/// <summary>The authorized signatory's queue: requests in review, and whether every result is verified.</summary>
[Authorize(Roles = Roles.Signatory + "," + Roles.Admin)]
[Route("approval")]
public class ApprovalController(LabDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await (from r in db.TestRequests.AsNoTracking()
                          join e in db.Enterprises on r.EnterpriseId equals e.Id
                          where r.Status == RequestStatus.Reviewing
                          orderby r.DueDate
                          select new ApprovalItemVm(r.Number!, e.Name, r.Samples.Count,
                              r.Samples.SelectMany(s => s.Analyses).Count(a => a.Status == AnalysisStatus.Verified),
                              r.Samples.SelectMany(s => s.Analyses).Count(a => a.Status != AnalysisStatus.Retracted),
                              r.ReviewingAt, r.DueDate, r.ReportLanguage))
            .Take(500).ToListAsync();
        return View(rows);
    }
}
