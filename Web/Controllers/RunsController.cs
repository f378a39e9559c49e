using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Common;
using Lab.Domain.Instruments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Infrastructure;
using Web.Instruments;

namespace Web.Controllers;

/// <summary>Instrument runs: started from the worklist, performed by a job, followed live on their page.</summary>
[Authorize(Roles = Roles.Technician + "," + Roles.Reviewer + "," + Roles.Signatory + "," + Roles.Admin)]
[Route("runs")]
public class RunsController(LabDbContext db, RunService runs, CurrentUser currentUser, IStringLocalizer<SharedResource> l, DataPaths paths,
    RunCurveReader curves) : Controller
{
    [HttpPost("")]
    [Authorize(Roles = Roles.Technician + "," + Roles.Admin)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Start(int analysisId, string? instrument, double? temperature, double? humidity, string? barcode)
    {
        // Back where the run was started: the instrument's station (with the sample scanned), or the worklist.
        // The readings typed go back with it, so a refused start loses nothing.
        var readings = (temperature is { } t ? $"&temperature={t.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")
              + (humidity is { } h ? $"&humidity={h.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "");
        var back = barcode is null || instrument is null
            ? $"/worklist?analysis={analysisId}" + (instrument is null ? "" : $"&instrument={Uri.EscapeDataString(instrument)}") + readings
            : $"/instruments/{Uri.EscapeDataString(instrument)}/station?barcode={Uri.EscapeDataString(barcode)}" + readings;
        if (!ModelState.IsValid)
        {
            TempData["Error"] = l["Station.Conditions.NotANumber"].Value;
            return Redirect(back);
        }
        try
        {
            var run = await runs.StartAsync(analysisId, instrument ?? "", currentUser.Name, temperature, humidity);
            return Redirect($"/runs/{run.Id}");
        }
        catch (DomainException ex)
        {
            TempData["Error"] = DomainExceptionFilter.Message(l, ex);
            return Redirect(back);
        }
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (run is null) return NotFound();
        var analysis = await db.Analyses.AsNoTracking().Include(a => a.Method).SingleAsync(a => a.Id == run.AnalysisId);
        var instrument = await db.Instruments.AsNoTracking().SingleAsync(i => i.Id == run.InstrumentId);
        var history = await db.Runs.AsNoTracking().Where(r => r.AnalysisId == run.AnalysisId).OrderBy(r => r.Id).ToListAsync();
        return View(new Models.Work.RunVm(run, analysis, instrument, history) { CurveSvg = await curves.SvgAsync(run) });
    }

    /// <summary>The run's curve alone, as an image for pages that list several analyses (the request page).</summary>
    [HttpGet("{id:int}/curve.svg")]
    public async Task<IActionResult> Curve(int id)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (run is null || await curves.SvgAsync(run) is not { } svg) return NotFound();
        return Content(svg, "image/svg+xml; charset=utf-8");
    }

    /// <summary>The run's state for the page's live view (polled while it is queued or running).</summary>
    [HttpGet("{id:int}/status")]
    public async Task<IActionResult> Status(int id)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (run is null) return NotFound();
        var shown = run.Status == RunStatus.Running && run.Error is not null ? "Retrying" : run.Status.ToString();
        return Json(new
        {
            status = run.Status.ToString(),
            shown,
            label = l["RunStatus." + shown].Value,
            attempts = run.Attempts,
            error = run.Error,
            value = run.Value,
            unit = run.Unit,
            verdict = run.Verdict?.ToString(),
            verdictLabel = run.Verdict is { } v ? l["Verdict." + v].Value : null,
            finished = run.IsFinished,
        });
    }

    /// <summary>The raw data exactly as captured.</summary>
    [HttpGet("{id:int}/raw")]
    public async Task<IActionResult> Raw(int id)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (run?.RawDataPath is null) return NotFound();
        return PhysicalFile(Path.Combine(paths.Files, run.RawDataPath), "text/csv", $"run-{run.Id}-{run.SampleBarcode}{Path.GetExtension(run.RawDataPath)}");
    }

    /// <summary>The instrument's own station: scan the sample at the instrument, confirm the analysis, the run starts.</summary>
    [HttpGet("/instruments/{code}/station")]
    [Authorize(Roles = Roles.Technician + "," + Roles.Admin)]
    public async Task<IActionResult> Station(string code, string? barcode, double? temperature, double? humidity)
    {
        var instrument = await db.Instruments.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code);
        if (instrument is null) return NotFound();
        var refusal = instrument.Status == InstrumentStatus.OutOfService ? InstrumentRefusal.OutOfService
            : !instrument.IsCalibrationValid(runs.Today) ? InstrumentRefusal.CalibrationExpired : (InstrumentRefusal?)null;
        if (string.IsNullOrWhiteSpace(barcode))
            return View(new Models.Work.StationVm(instrument, refusal, null, null, null, []));
        var reading = Lab.Domain.Numbering.Numbers.ReadScan(barcode);
        if (!reading.IsValid || reading.Kind is not (Lab.Domain.Numbering.ScanKind.Sample or Lab.Domain.Numbering.ScanKind.Specimen))
            return View(new Models.Work.StationVm(instrument, refusal, barcode, l[reading.Problem == Lab.Domain.Numbering.BarcodeProblem.WrongCheckCharacter ? "Scan.WrongCheck" : "Scan.NotACode", barcode], null, []));
        var sampleCode = reading.Kind == Lab.Domain.Numbering.ScanKind.Specimen ? Lab.Domain.Numbering.Numbers.SampleOfSpecimen(reading.Code!) : reading.Code!;
        var (_, sample, analyses) = await runs.RunnableAsync(sampleCode, instrument);
        if (sample is null) return View(new Models.Work.StationVm(instrument, refusal, barcode, l["Scan.Unknown", reading.Code!], null, []));
        var message = analyses.Count == 0 ? l["Station.NothingToRun", sample.Barcode!, instrument.Code].Value : null;
        // What was typed before a refused start, else what was last read at this instrument today.
        var (offeredTemperature, offeredHumidity) = temperature is null && humidity is null ? await runs.LastConditionsAsync(instrument.Id) : (temperature, humidity);
        return View(new Models.Work.StationVm(instrument, refusal, reading.Code, message, sample, analyses) { Temperature = offeredTemperature, Humidity = offeredHumidity });
    }
}
