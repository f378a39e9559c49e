using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;
using Web.Models.Work;

namespace Web.Controllers;

/// <summary>The reviewer's queue: results waiting to be verified.</summary>
[Authorize(Roles = Roles.Reviewer + "," + Roles.Admin)]
[Route("review")]
public class ReviewController(LabDbContext db, PeopleDirectory people) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await (from a in db.Analyses.AsNoTracking()
                          join s in db.Samples on a.SampleId equals s.Id
                          join r in db.TestRequests on s.TestRequestId equals r.Id
                          where a.Status == AnalysisStatus.ToBeVerified
                          orderby a.ProducedAt
                          select new { a, a.Method, s.Barcode, s.Name, r.Number })
            .Take(500).ToListAsync();
        var name = await people.NamerAsync();
        return View(rows.Select(x => new ReviewItemVm(x.a.Id, x.a.MethodCode, x.Method!.NameZh, x.Method.NameEn,
            x.Barcode!, x.Name, x.Number!, x.a.ResultText, x.a.Unit, x.a.Limit.Describe(x.a.Unit), x.a.Verdict,
            name(x.a.ProducedBy), x.a.ProducedAt)).ToList());
    }
}
