using Lab.Data;
using Lab.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Models.Work;

namespace Web.Controllers;

/// <summary>The instrument registry with calibration state (read by all staff).</summary>
[Authorize(Roles = Roles.Technician + "," + Roles.Reviewer + "," + Roles.Signatory + "," + Roles.Reception + "," + Roles.Admin)]
[Route("instruments")]
public class InstrumentsController(LabDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var instruments = await db.Instruments.AsNoTracking().OrderBy(i => i.Code).ToListAsync();
        return View(new InstrumentListVm(today, instruments.Select(i => new InstrumentRowVm(i.Code, i.Name, i.Type, i.Location,
            i.SerialNumber, i.Status, i.CalibrationCertificate, i.CalibratedOn, i.CalibrationDue,
            InstrumentRowVm.StateOf(i.CalibrationDue, today))).ToList()));
    }
}
