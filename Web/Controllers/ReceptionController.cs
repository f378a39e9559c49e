using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Models.Work;

namespace Web.Controllers;

/// <summary>Reception's desk: the samples the lab is expecting, by request.</summary>
[Authorize(Roles = Roles.Reception + "," + Roles.Admin)]
[Route("reception")]
public class ReceptionController(LabDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await (from s in db.Samples.AsNoTracking()
                          join r in db.TestRequests on s.TestRequestId equals r.Id
                          join e in db.Enterprises on r.EnterpriseId equals e.Id
                          where s.Status == SampleStatus.Expected && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Received)
                          orderby r.SubmittedAt, s.Id
                          select new ExpectedSampleVm(s.Barcode!, s.Name, s.Model, s.Quantity, s.Description, r.Number!, e.Name, r.SubmittedAt, r.DueDate))
            .Take(500).ToListAsync();
        var receivedToday = await db.Samples.CountAsync(s => s.ReceivedAt >= clock.GetUtcNow().UtcDateTime.Date);
        return View(new ReceptionVm(rows, receivedToday));
    }
}
