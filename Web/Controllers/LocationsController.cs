using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Custody;
using Lab.Domain.Numbering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Barcodes;
using Web.Infrastructure;

namespace Web.Controllers;

/// <summary>Storage locations: each has a barcode label to stick on the shelf; scanning it then samples moves them there.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Reception)]
[Route("admin/locations")]
public class LocationsController(LabDbContext db, ILabelRenderer labels, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var locations = await db.StorageLocations.AsNoTracking().OrderBy(x => x.Barcode).ToListAsync();
        var counts = await db.Samples.Where(s => s.LocationBarcode != null).GroupBy(s => s.LocationBarcode!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        return View(locations.Select(x => (x, counts.GetValueOrDefault(x.Barcode))).ToList());
    }

    [HttpPost("")]
    [Authorize(Roles = Roles.Admin)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(string? name, LocationKind kind)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 || !Enum.IsDefined(kind))
        {
            TempData["Error"] = l["Locations.NameRequired"].Value;
            return Redirect("/admin/locations");
        }
        var sequences = await db.StorageLocations.Select(x => x.Barcode).ToListAsync();
        var next = sequences.Select(b => long.TryParse(b.Split('-')[1], out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var location = new StorageLocation(Numbers.LocationBarcode(next), name, kind);
        db.StorageLocations.Add(location);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Locations.Created", location.Name, location.Barcode].Value;
        return Redirect("/admin/locations");
    }

    [HttpGet("{barcode}/label.png")]
    public async Task<IActionResult> Label(string barcode)
    {
        var location = await db.StorageLocations.AsNoTracking().SingleOrDefaultAsync(x => x.Barcode == barcode);
        if (location is null) return NotFound();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Lang.LabTimeZone));
        var png = labels.Png(new LabelContent(location.Barcode, l["Locations.LabelTitle"], location.Name, today));
        return File(png, "image/png", $"{location.Barcode}.png");
    }
}
