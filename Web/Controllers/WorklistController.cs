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
public class WorklistController(LabDbContext db, Web.Instruments.RunService runs) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? analysis, string? instrument, double? temperature, double? humidity)
    {
        var rows = await (from a in db.Analyses.AsNoTracking()
                          join s in db.Samples on a.SampleId equals s.Id
                          join r in db.TestRequests on s.TestRequestId equals r.Id
                          where (a.Status == AnalysisStatus.Pending || a.Status == AnalysisStatus.Running || a.Status == AnalysisStatus.Failed)
                                && (s.Status == SampleStatus.Received || s.Status == SampleStatus.InTesting)
                          orderby r.DueDate, s.Barcode
                          select new WorkItemVm(a.Id, a.MethodCode, a.Method!.NameZh, a.Method.NameEn, a.Method.InstrumentType,
                              a.Status, s.Barcode!, s.Name, r.Number!, r.DueDate, r.Urgency, a.FailureReason, a.Limit.Kind,
                              db.Runs.Where(x => x.AnalysisId == a.Id).OrderByDescending(x => x.Id).Select(x => (int?)x.Id).FirstOrDefault()))
            .Take(500).ToListAsync();
        var today = runs.Today;
        var instruments = (await db.Instruments.AsNoTracking().OrderBy(i => i.Code).ToListAsync())
            .GroupBy(i => i.Type)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(Lab.Domain.Instruments.Instrument, Lab.Domain.Instruments.InstrumentRefusal?)>)g
                        .Select(i => (i, Refusal(i, today))).ToList());
        // Today's last readings at each instrument that can run (one indexed look-up each; a lab has tens of instruments).
        var conditions = new Dictionary<string, (double? Temperature, double? Humidity)>(StringComparer.Ordinal);
        foreach (var (candidate, refusal) in instruments.Values.SelectMany(list => list))
            if (refusal is null && await runs.LastConditionsAsync(candidate.Id) is { } last && (last.Temperature is not null || last.Humidity is not null))
                conditions[candidate.Code] = last;
        // A refused start comes back with what was chosen and typed for that analysis, so nothing is lost.
        return View(new WorklistVm(rows, instruments)
        {
            Conditions = conditions,
            Retry = analysis is { } id && ModelState.IsValid ? new WorkRetry(id, instrument, temperature, humidity) : null,
        });
    }

    private static Lab.Domain.Instruments.InstrumentRefusal? Refusal(Lab.Domain.Instruments.Instrument i, DateOnly today) =>
        i.Status == Lab.Domain.Instruments.InstrumentStatus.OutOfService ? Lab.Domain.Instruments.InstrumentRefusal.OutOfService
        : i.CalibrationDue is null ? Lab.Domain.Instruments.InstrumentRefusal.NotCalibrated
        : !i.IsCalibrationValid(today) ? Lab.Domain.Instruments.InstrumentRefusal.CalibrationExpired
        : null;
}
