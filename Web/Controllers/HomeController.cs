using System.Diagnostics;
using Lab.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Models;

namespace Web.Controllers;

public class HomeController(LabDbContext db) : Controller
{
    public async Task<IActionResult> Index()
    {
        var families = await db.ProductFamilies.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync();
        var counts = await db.TestMethods.Where(m => m.Active).GroupBy(m => m.ProductFamilyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        return View(new HomeVm(families.Select(f => new FamilyCountVm(f.Code, f.NameZh, f.NameEn, counts.GetValueOrDefault(f.Id))).ToList()));
    }

    /// <summary>Friendly page for 404 and other status codes, in the user's language.</summary>
    [Route("/Home/Status/{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code;
        return View("Status", new StatusVm(code, HttpContext.TraceIdentifier));
    }

    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error()
    {
        Response.StatusCode = 500;
        return View("Status", new StatusVm(500, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}
