using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Models.Work;

namespace Web.Controllers;

/// <summary>The technician's worklist: analyses on received samples that still need a result, by instrument type.</summary>
[Authorize(Roles = Roles.Technician + "," + Roles.Admin)]
[Route("worklist")]
public class WorklistController(LabDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await (from a in db.Analyses.AsNoTracking()
                          join s in db.Samples on a.SampleId equals s.Id
                          join r in db.TestRequests on s.TestRequestId equals r.Id
                          where (a.Status == AnalysisStatus.Pending || a.Status == AnalysisStatus.Running || a.Status == AnalysisStatus.Failed)
                                && (s.Status == SampleStatus.Received || s.Status == SampleStatus.InTesting)
                          orderby r.DueDate, s.Barcode
                          select new WorkItemVm(a.Id, a.MethodCode, a.Method!.NameZh, a.Method.NameEn, a.Method.InstrumentType,
                              a.Status, s.Barcode!, s.Name, r.Number!, r.DueDate, r.Urgency, a.FailureReason, a.Limit.Kind))
            .Take(500).ToListAsync();
        return View(rows);
    }
}
