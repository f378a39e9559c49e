using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Common;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Web.Infrastructure;
using Web.Models.Samples;
using Web.Samples;

namespace Web.Controllers;

/// <summary>A sample's page: where it is, who holds it, its specimens, and its full chain of custody.</summary>
[Authorize]
[Route("samples")]
public class SamplesController(LabDbContext db, ScanService scans, CurrentUser currentUser, PeopleDirectory people,
    IStringLocalizer<SharedResource> l, TimeProvider clock, IOptions<LabOptions> options) : Controller
{
    [HttpGet("{barcode}")]
    public async Task<IActionResult> Details(string barcode)
    {
        if (!currentUser.IsClient && !currentUser.IsStaff) return Forbid();
        var found = await scans.FindAsync(barcode);
        if (!found.Ok || found.Sample is null || found.Specimen is not null) return NotFound();
        var enterpriseId = await currentUser.EnterpriseIdAsync();
        if (enterpriseId is { } mine && found.Request!.EnterpriseId != mine) return NotFound();
        var chain = await scans.ChainOfCustodyAsync(found.Sample.Id);
        var name = await people.NamerAsync();
        return View(new SampleDetailsVm(found, chain.Select(e => new CustodyRowVm(e.At, e.Action, e.Barcode, e.LocationName, name(e.By), e.Station, e.Note)).ToList(),
            currentUser.IsStaff));
    }

    [HttpPost("{barcode}/divide")]
    [Authorize(Roles = Roles.Reception + "," + Roles.Technician + "," + Roles.Admin)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Divide(string barcode, int count, string? description)
    {
        var found = await scans.FindAsync(barcode);
        if (!found.Ok || found.Sample is null) return NotFound();
        var created = await scans.DivideAsync(found, count, description, currentUser.Name, "web");
        TempData["Message"] = l["Samples.Divided", created.Count, string.Join(", ", created.Select(s => s.Barcode))].Value;
        return Redirect($"/samples/{found.Sample.Barcode}");
    }

    /// <summary>Retained samples whose retention period is over: to return or dispose of, by scan.</summary>
    [HttpGet("retention")]
    [Authorize(Roles = Roles.Reception + "," + Roles.Admin)]
    public async Task<IActionResult> Retention()
    {
        var today = Lang.Today(clock);
        var rows = await (from s in db.Samples.AsNoTracking()
                          join r in db.TestRequests on s.TestRequestId equals r.Id
                          join e in db.Enterprises on r.EnterpriseId equals e.Id
                          where s.Status == SampleStatus.Retained
                          orderby s.RetainUntil
                          select new RetentionRowVm(s.Barcode!, s.Name, r.Number!, e.Name, s.RetainUntil, r.SampleDisposal, s.LocationName, s.RetainUntil <= today))
            .Take(1000).ToListAsync();
        return View(new RetentionVm(today, options.Value.RetentionDays, rows));
    }
}
