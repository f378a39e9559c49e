using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Common;
using Lab.Domain.Custody;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Infrastructure;
using Web.Models.Samples;
using Web.Samples;

namespace Web.Controllers;

/// <summary>
/// The scan station: one box that always has the cursor. A wedge scanner types the code and Enter; the result
/// (and the next thing to do) appears at once. Scan a location to choose where the next samples go.
/// </summary>
[Authorize(Roles = Roles.Reception + "," + Roles.Technician + "," + Roles.Admin)]
[Route("scan")]
public class ScanController(ScanService scans, LabDbContext db, CurrentUser currentUser, IStringLocalizer<SharedResource> l,
    DataPaths paths, TimeProvider clock, Web.Barcodes.IBarcodeDecoder decoder) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ScanAction? mode, string? location) =>
        View(await StationAsync(mode ?? DefaultMode(), location, null));

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Scan(ScanAction mode, string? code, string? location, string? station)
    {
        var found = await scans.FindAsync(code);
        var vm = await StationAsync(mode, location, found);
        if (string.IsNullOrWhiteSpace(code)) return View("Index", vm with { Outcome = ScanOutcome.Empty });
        if (found.Problem is { } problem)
            return View("Index", vm with { Outcome = ScanOutcome.Error, Message = l[problem == BarcodeProblem.WrongCheckCharacter ? "Scan.WrongCheck" : "Scan.NotACode", found.Code] });
        if (found.Unknown)
            return View("Index", vm with { Outcome = ScanOutcome.Error, Message = l["Scan.Unknown", found.Code] });
        if (found.Location is { } loc)
            return View("Index", vm with { Mode = ScanAction.Move, LocationBarcode = loc.Barcode, LocationName = loc.Name, Outcome = ScanOutcome.Ok, Message = l["Scan.LocationChosen", loc.Name] });

        try
        {
            switch (mode)
            {
                case ScanAction.Receive when found.Sample!.Status == SampleStatus.Expected && found.Specimen is null:
                    return View("Index", vm with { Outcome = ScanOutcome.Confirm });
                case ScanAction.Receive:
                    return View("Index", vm with { Outcome = ScanOutcome.Warning, Message = l["Scan.AlreadyReceived", found.Code, Lang.Time(found.Sample!.ReceivedAt), found.Sample.ReceivedBy ?? ""] });
                case ScanAction.Move when vm.LocationBarcode is null:
                    return View("Index", vm with { Outcome = ScanOutcome.Warning, Message = l["Scan.ScanLocationFirst"] });
                case ScanAction.Move:
                    var target = await db.StorageLocations.SingleAsync(x => x.Barcode == vm.LocationBarcode);
                    await scans.MoveAsync(found, target, currentUser.Name, station);
                    return View("Index", await Refreshed(vm, found, l["Scan.Moved", found.Code, target.Name]));
                case ScanAction.Take:
                    await scans.TakeAsync(found, currentUser.Name, station);
                    return View("Index", await Refreshed(vm, found, l["Scan.Taken", found.Code]));
                case ScanAction.Return or ScanAction.Dispose:
                    await scans.ReleaseAsync(found, mode == ScanAction.Return, currentUser.Name, station, null);
                    return View("Index", await Refreshed(vm, found, l[mode == ScanAction.Return ? "Scan.Returned" : "Scan.Disposed", found.Code]));
                default:
                    return View("Index", vm with { Outcome = ScanOutcome.Ok });
            }
        }
        catch (DomainException ex)
        {
            return View("Index", vm with { Outcome = ScanOutcome.Error, Message = DomainExceptionFilter.Message(l, ex) });
        }
        catch (DbUpdateConcurrencyException)
        {
            return View("Index", vm with { Outcome = ScanOutcome.Error, Message = l["Rule.concurrent-change"] });
        }
    }

    /// <summary>A photo of a label (phone, webcam snapshot) is decoded on the server and scanned like a typed code.</summary>
    [HttpPost("photo")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(12_000_000)]
    public async Task<IActionResult> Photo(ScanAction mode, string? location, IFormFile? photo)
    {
        IReadOnlyList<Web.Barcodes.DecodedBarcode> decoded = [];
        if (photo is { Length: > 0 and <= 10_000_000 })
        {
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer);
            try { decoded = decoder.Decode(buffer.ToArray()); }
            catch (DomainException) { decoded = []; }
        }
        // A label carries the same code twice (Code 128 and QR); a lab code wins over any other text in the picture.
        var code = decoded.Select(d => d.Text).FirstOrDefault(t => Numbers.ReadScan(t).IsValid) ?? decoded.Select(d => d.Text).FirstOrDefault();
        if (code is null)
            return View("Index", (await StationAsync(mode, location, null)) with { Outcome = ScanOutcome.Error, Message = l["Scan.PhotoNoCode"] });
        return await Scan(mode, code, location, "photo");
    }

    [HttpPost("receive")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(12_000_000)]
    public async Task<IActionResult> Receive(string code, int receivedQuantity, SampleCondition condition, string? note, IFormFile? photo, string? station)
    {
        var found = await scans.FindAsync(code);
        var vm = await StationAsync(ScanAction.Receive, null, found);
        if (!found.Ok || found.Sample is null) return View("Index", vm with { Outcome = ScanOutcome.Error, Message = l["Scan.Unknown", found.Code] });
        if (condition != SampleCondition.Intact && string.IsNullOrWhiteSpace(note))
            return View("Index", vm with { Outcome = ScanOutcome.Confirm, Message = l["Scan.DeviationNeedsNote"], Note = note, Quantity = receivedQuantity, Condition = condition });
        string? photoFile = null;
        if (photo is { Length: > 0 })
        {
            if (photo.Length > 10_000_000 || !(photo.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false))
                return View("Index", vm with { Outcome = ScanOutcome.Confirm, Message = l["Scan.PhotoInvalid"], Note = note, Quantity = receivedQuantity, Condition = condition });
            photoFile = await SavePhotoAsync(found.Code, photo);
        }
        try
        {
            await scans.ReceiveAsync(found, currentUser.Name, station, receivedQuantity, condition, note, photoFile);
        }
        catch (DomainException ex)
        {
            return View("Index", vm with { Outcome = ScanOutcome.Error, Message = DomainExceptionFilter.Message(l, ex) });
        }
        catch (DbUpdateConcurrencyException)
        {
            return View("Index", vm with { Outcome = ScanOutcome.Error, Message = l["Rule.concurrent-change"] });
        }
        var refreshed = await scans.FindAsync(code);
        var message = refreshed.Sample!.HasDeviation ? l["Scan.ReceivedWithDeviation", found.Code] : l["Scan.Received", found.Code];
        if (refreshed.Request!.Status == RequestStatus.Received) message = l["Scan.RequestComplete", message, refreshed.Request.Number!];
        return View("Index", (await StationAsync(ScanAction.Receive, null, refreshed)) with
        {
            Outcome = refreshed.Sample.HasDeviation ? ScanOutcome.Warning : ScanOutcome.Ok, Message = message,
        });
    }

    private async Task<string> SavePhotoAsync(string code, IFormFile photo)
    {
        var ext = Path.GetExtension(photo.FileName).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".webp" or ".heic" ? Path.GetExtension(photo.FileName).ToLowerInvariant() : ".jpg";
        var relative = Path.Combine("receipt-photos", $"{code}-{clock.GetUtcNow():yyyyMMddHHmmss}{ext}");
        var full = Path.Combine(paths.Files, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var stream = System.IO.File.Create(full);
        await photo.CopyToAsync(stream);
        return relative;
    }

    private async Task<ScanStationVm> Refreshed(ScanStationVm vm, ScanFound found, string message)
    {
        var again = await scans.FindAsync(found.Code);
        return (await StationAsync(vm.Mode, vm.LocationBarcode, again)) with { Outcome = ScanOutcome.Ok, Message = message };
    }

    private ScanAction DefaultMode() =>
        currentUser.IsInRole(Roles.Reception) ? ScanAction.Receive : currentUser.IsInRole(Roles.Technician) ? ScanAction.Take : ScanAction.Lookup;

    private async Task<ScanStationVm> StationAsync(ScanAction mode, string? location, ScanFound? found)
    {
        var loc = location is null ? null : await db.StorageLocations.AsNoTracking().SingleOrDefaultAsync(x => x.Barcode == location && x.Active);
        var locations = await db.StorageLocations.AsNoTracking().Where(x => x.Active).OrderBy(x => x.Barcode).ToListAsync();
        IReadOnlyList<CustodyEvent> chain = found?.Sample is { Id: > 0 } s ? await scans.ChainOfCustodyAsync(s.Id) : [];
        return new ScanStationVm(mode, loc?.Barcode, loc?.Name, locations, found, chain, ScanOutcome.None, null,
            found?.Sample?.Quantity ?? 1, SampleCondition.Intact, null);
    }
}
