using Lab.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Models.Catalog;

namespace Web.Controllers;

/// <summary>The public test catalog: no sign-in needed.</summary>
[Route("catalog")]
public class CatalogController(LabDbContext db) : Controller
{
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
