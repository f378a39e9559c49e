using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Instruments;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;
using Web.Instruments;
using Web.Models.Requests;
using Web.Reports;

namespace Web.Controllers;

/// <summary>
/// Requests (委托单): a client sees only its own enterprise's; staff see all. Another enterprise's number
/// answers 404, exactly like a number that does not exist.
/// </summary>
[Authorize]
[Route("requests")]
public class RequestsController(LabDbContext db, CurrentUser currentUser, PeopleDirectory people) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, RequestStatus? status)
    {
        if (!currentUser.IsClient && !currentUser.IsStaff) return Forbid();
        var enterpriseId = await currentUser.EnterpriseIdAsync();
        var requests = db.TestRequests.AsNoTracking().VisibleTo(enterpriseId);
        if (status is { } s) requests = requests.Where(r => r.Status == s);
        var search = q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.Length > 100) search = search[..100];
            requests = requests.Where(r => (r.Number != null && r.Number.Contains(search))
                || r.Samples.Any(x => x.Name.Contains(search) || (x.Barcode != null && x.Barcode.Contains(search))));
        }
        var rows = await requests
            .OrderByDescending(r => r.CreatedAt)
            .Take(200)
            .Select(r => new RequestRowVm(r.Id, r.Number, r.Status, r.EnterpriseId,
                db.Enterprises.Where(e => e.Id == r.EnterpriseId).Select(e => e.Name).First(),
                r.Samples.Count, r.Samples.SelectMany(x => x.Analyses).Count(a => a.Status != AnalysisStatus.Retracted),
                r.CreatedAt, r.SubmittedAt, r.DueDate, r.TotalCny))
            .ToListAsync();
        return View(new RequestListVm(rows, search, status, currentUser.IsClient));
    }

    [HttpGet("{number}")]
    public async Task<IActionResult> Details(string number)
    {
        if (!currentUser.IsClient && !currentUser.IsStaff) return Forbid();
        var enterpriseId = await currentUser.EnterpriseIdAsync();
        var request = await db.TestRequests.AsNoTracking().VisibleTo(enterpriseId)
            .Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Number == number);
        if (request is null) return NotFound();
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == request.EnterpriseId);
        var curveRuns = new Dictionary<int, int>();
        if (new[] { Roles.Technician, Roles.Reviewer, Roles.Signatory, Roles.Admin }.Any(currentUser.IsInRole))
        {
            var ids = request.Samples.SelectMany(s => s.Analyses).Select(a => a.Id).ToList();
            var formats = RunCurves.Formats.ToList();
            curveRuns = await db.Runs.AsNoTracking()
                .Where(r => ids.Contains(r.AnalysisId) && r.Status == RunStatus.Completed && r.RawDataFormat != null && formats.Contains(r.RawDataFormat))
                .GroupBy(r => r.AnalysisId).Select(g => new { g.Key, RunId = g.Max(r => r.Id) })
                .ToDictionaryAsync(x => x.Key, x => x.RunId);
        }
        return View(RequestDetailsVm.From(request, enterprise, await people.NamerAsync()) with { CurveRuns = curveRuns, Reports = await db.SummariesAsync(request) });
    }
}

public static class RequestQueries
{
    /// <summary>Every query of client data goes through this: a client's enterprise, or everything for staff.</summary>
    public static IQueryable<TestRequest> VisibleTo(this IQueryable<TestRequest> requests, int? enterpriseId) =>
        enterpriseId is { } id ? requests.Where(r => r.EnterpriseId == id) : requests;
}
