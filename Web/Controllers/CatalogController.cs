using Lab.Data;
using Lab.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Web.Models.Catalog;

namespace Web.Controllers;

/// <summary>The public test catalog: no sign-in needed.</summary>
[Route("catalog")]
public class CatalogController(LabDbContext db, IStringLocalizer<SharedResource> L) : Controller
{
    /// <summary>
    /// Admin records that an external laboratory performs a method (or, with an empty name, that the lab does it
    /// again). Requests booked from then on need the customer's consent to subcontracting, and the report marks
    /// those results; requests booked before keep what they were booked with.
    /// </summary>
    [HttpPost("{code}/subcontractor"), ValidateAntiForgeryToken]
    [Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Subcontract(string code, string? laboratory)
    {
        var method = await db.TestMethods.SingleOrDefaultAsync(m => m.Code == code);
        if (method is null) return NotFound();
        method.SubcontractTo(string.IsNullOrWhiteSpace(laboratory) ? null : laboratory.Trim());
        await db.SaveChangesAsync();
        TempData["Message"] = method.Subcontractor is { } lab
            ? L["Catalog.SubcontractorSaved", method.Code, lab].Value
            : L["Catalog.SubcontractorCleared", method.Code].Value;
        return Redirect($"/catalog?family={method.Code[..3]}#{method.Code}");
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? family, string? q)
    {
        var families = await db.ProductFamilies.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync();
        var methods = db.TestMethods.AsNoTracking().Include(m => m.Family).Where(m => m.Active);
        var selected = families.FirstOrDefault(f => string.Equals(f.Code, family, StringComparison.OrdinalIgnoreCase));
        if (selected is not null) methods = methods.Where(m => m.ProductFamilyId == selected.Id);
        var search = q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.Length > 100) search = search[..100];
            var pattern = $"%{search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            methods = methods.Where(m => EF.Functions.Like(m.Code, pattern, "\\") || EF.Functions.Like(m.NameZh, pattern, "\\")
                || EF.Functions.Like(m.NameEn, pattern, "\\") || EF.Functions.Like(m.Standard, pattern, "\\"));
        }
        var list = await methods.OrderBy(m => m.Family!.SortOrder).ThenBy(m => m.Code).ToListAsync();
        var counts = await db.TestMethods.Where(m => m.Active).GroupBy(m => m.ProductFamilyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        return View(new CatalogVm(
            families.Select(f => new CatalogFamilyVm(f.Code, f.NameZh, f.NameEn, counts.GetValueOrDefault(f.Id))).ToList(),
            selected?.Code, search, list.Select(CatalogMethodVm.From).ToList()));
    }
}
