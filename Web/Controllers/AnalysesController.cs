using System.Globalization;
using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Catalog;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Infrastructure;
using Web.Models.Work;

namespace Web.Controllers;

/// <summary>
/// An analysis as the lab's staff see it (result, instrument and calibration, raw data, curve, changes), and manual
/// results: methods read by a person (grey-scale grades, pass/fail inspections) are entered here and judged like
/// instrument results; changing a result needs a reason and keeps the old one.
/// </summary>
[Authorize(Roles = Roles.Technician + "," + Roles.Reviewer + "," + Roles.Signatory + "," + Roles.Admin)]
[Route("analyses")]
public class AnalysesController(LabDbContext db, CurrentUser currentUser, PeopleDirectory people, IStringLocalizer<SharedResource> l,
    TimeProvider clock, Web.Review.ReviewService review) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var record = await review.RecordAsync(id);
        return record is null ? NotFound() : View(record);
    }

    [HttpGet("{id:int}/result")]
    [Authorize(Roles = Roles.Technician + "," + Roles.Admin)]
    public async Task<IActionResult> Result(int id)
    {
        var (request, analysis) = await LoadAsync(id);
        if (analysis is null) return NotFound();
        return View(await VmAsync(request!, analysis, null));
    }

    [HttpPost("{id:int}/result")]
    [Authorize(Roles = Roles.Technician + "," + Roles.Admin)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Record(int id, string? value, string? reason)
    {
        var (request, analysis) = await LoadAsync(id);
        if (analysis is null) return NotFound();
        if (!IsManual(analysis)) return View("Result", await VmAsync(request!, analysis, l["Analyses.InstrumentOnly"]));
        var now = clock.GetUtcNow().UtcDateTime;
        var correcting = analysis.Status == AnalysisStatus.ToBeVerified;
        if (correcting && string.IsNullOrWhiteSpace(reason))
            return View("Result", await VmAsync(request!, analysis, l["Analyses.ReasonRequired"]));

        if (analysis.Limit.Kind == LimitKind.PassFail)
        {
            if (value is not ("pass" or "fail")) return View("Result", await VmAsync(request!, analysis, l["Analyses.ChooseFinding"]));
            if (correcting) request!.CorrectFinding(analysis, value == "pass", reason!, currentUser.Name, now);
            else request!.RecordFinding(analysis, value == "pass", currentUser.Name, now);
        }
        else
        {
            var ok = analysis.Limit.Kind == LimitKind.Grade
                ? Grades.TryParse(value, out var number)
                : double.TryParse((value ?? "").Trim().Replace('，', '.').Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
            if (!ok) return View("Result", await VmAsync(request!, analysis, l["Analyses.NotANumber", value ?? ""]));
            if (correcting) request!.CorrectResult(analysis, number, reason!, currentUser.Name, now);
            else request!.RecordResult(analysis, number, currentUser.Name, now);
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Analyses.Recorded", analysis.MethodCode, ResultDisplay(analysis)].Value;
        return Redirect($"/analyses/{id}/result");
    }

    /// <summary>
    /// Read by a person: grades and pass/fail findings. A measured number comes from an instrument run, where the
    /// instrument's calibration is checked and the raw data kept.
    /// </summary>
    public static bool IsManual(Analysis a) => a.Limit.Kind is LimitKind.Grade or LimitKind.PassFail;

    private string ResultDisplay(Analysis a) =>
        a.ResultText is "Pass" or "Fail" ? l["Verdict." + a.ResultText] : $"{a.ResultText} {a.Unit}".Trim();

    private async Task<(TestRequest? Request, Analysis? Analysis)> LoadAsync(int id)
    {
        var request = await db.RequestOwningAnalysis(id)
            .Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Changes)
            .SingleOrDefaultAsync();
        return (request, request?.Samples.SelectMany(s => s.Analyses).Single(a => a.Id == id));
    }

    private async Task<ManualResultVm> VmAsync(TestRequest request, Analysis analysis, string? error)
    {
        var name = await people.NamerAsync();
        var sample = request.Samples.Single(s => s.Analyses.Contains(analysis));
        return new ManualResultVm(analysis, sample, request.Number!, request.DecisionRule, error,
            analysis.ProducedBy is null ? null : name(analysis.ProducedBy),
            analysis.Changes.Select(c => (c, name(c.By))).ToList());
    }
}
