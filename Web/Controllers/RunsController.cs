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
public class RunsController(LabDbContext db, RunService runs, CurrentUser currentUser, IStringLocalizer<SharedResource> l, DataPaths paths) : Controller
{
    [HttpPost("")]
    [Authorize(Roles = Roles.Technician + "," + Roles.Admin)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Start(int analysisId, string? instrument)
    {
        try
        {
            var run = await runs.StartAsync(analysisId, instrument ?? "", currentUser.Name);
            return Redirect($"/runs/{run.Id}");
        }
        catch (DomainException ex)
        {
            TempData["Error"] = DomainExceptionFilter.Message(l, ex);
            return Redirect("/worklist");
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
        string? curve = null;
        if (run.RawDataPath is { } raw && System.IO.File.Exists(Path.Combine(paths.Files, raw)))
        {
            var capture = new RawCapture(run.RawDataFormat!, await System.IO.File.ReadAllBytesAsync(Path.Combine(paths.Files, raw)), Path.GetExtension(raw));
            curve = RunCurves.From(capture) is { } c ? RunCurves.Svg(c) : null;
        }
        return View(new Models.Work.RunVm(run, analysis, instrument, history) { CurveSvg = curve });
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
}
