using Lab.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Lab.Data.Seed;

/// <summary>
/// Puts the catalog and instrument registry into every database, production included. Only what is missing
/// (by code) is added: a method or instrument the lab has since revised is never overwritten.
/// </summary>
public static class ReferenceData
{
    public static async Task SeedAsync(LabDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var families = await db.ProductFamilies.ToDictionaryAsync(f => f.Code, ct);
        foreach (var family in CatalogData.Families().Where(f => !families.ContainsKey(f.Code)))
        {
            db.ProductFamilies.Add(family);
            families[family.Code] = family;
        }
        await db.SaveChangesAsync(ct);

        var methodCodes = (await db.TestMethods.Select(m => m.Code).ToListAsync(ct)).ToHashSet();
        db.TestMethods.AddRange(CatalogData.Methods(families).Where(m => !methodCodes.Contains(m.Code)));

        var instrumentCodes = (await db.Instruments.Select(i => i.Code).ToListAsync(ct)).ToHashSet();
        db.Instruments.AddRange(CatalogData.Instruments(today).Where(i => !instrumentCodes.Contains(i.Code)));
        await db.SaveChangesAsync(ct);
    }
}
