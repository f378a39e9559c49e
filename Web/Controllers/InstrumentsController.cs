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
public class InstrumentsController(LabDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var today = Today;
        var instruments = await db.Instruments.AsNoTracking().OrderBy(i => i.Code).ToListAsync();
        return View(new InstrumentListVm(today, instruments.Select(i => new InstrumentRowVm(i.Code, i.Name, i.Type, i.Location,
            i.SerialNumber, i.Status, i.CalibrationCertificate, i.CalibratedOn, i.CalibrationDue,
            InstrumentRowVm.StateOf(i.CalibrationDue, today))).ToList()));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Details(string code)
    {
        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Calibrations).SingleOrDefaultAsync(i => i.Code == code);
        if (instrument is null) return NotFound();
        var today = Today;
        var methods = await db.TestMethods.AsNoTracking().Where(m => m.Active && m.InstrumentType == instrument.Type).OrderBy(m => m.Code).ToListAsync();
        var runs = await db.Runs.AsNoTracking().Where(r => r.InstrumentId == instrument.Id).OrderByDescending(r => r.QueuedAt).Take(50).ToListAsync();
        return View(new InstrumentDetailsVm(instrument, today, InstrumentRowVm.StateOf(instrument.CalibrationDue, today), methods, runs));
    }

    [HttpPost("{code}/calibrations")]
    [Authorize(Roles = Roles.Admin)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RecordCalibration(string code, string? certificate, DateOnly calibratedOn, DateOnly dueOn)
    {
        var instrument = await db.Instruments.Include(i => i.Calibrations).SingleOrDefaultAsync(i => i.Code == code);
        if (instrument is null) return NotFound();
        instrument.RecordCalibration(certificate ?? "", calibratedOn, dueOn);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Instruments.CalibrationRecorded", instrument.Code, Web.Infrastructure.Lang.Date(dueOn)].Value;
        return Redirect($"/instruments/{instrument.Code}");
    }

    [HttpPost("{code}/service")]
    [Authorize(Roles = Roles.Admin)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Service(string code, bool inService, string? reason)
    {
        var instrument = await db.Instruments.SingleOrDefaultAsync(i => i.Code == code);
        if (instrument is null) return NotFound();
        if (inService) instrument.ReturnToService();
        else instrument.TakeOutOfService(reason ?? "");
        await db.SaveChangesAsync();
        return Redirect($"/instruments/{instrument.Code}");
    }

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Web.Infrastructure.Lang.LabTimeZone));
}
