using Lab.Domain.Catalog;
using Lab.Domain.Custody;
using Lab.Domain.Numbering;
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

        var locationCodes = (await db.StorageLocations.Select(l => l.Barcode).ToListAsync(ct)).ToHashSet();
        db.StorageLocations.AddRange(Locations().Where(l => !locationCodes.Contains(l.Barcode)));

        var instrumentCodes = (await db.Instruments.Select(i => i.Code).ToListAsync(ct)).ToHashSet();
        db.Instruments.AddRange(CatalogData.Instruments(today).Where(i => !instrumentCodes.Contains(i.Code)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The lab's places for samples; more are added by the administrator.</summary>
    public static IReadOnlyList<StorageLocation> Locations() =>
    [
        new(Numbers.LocationBarcode(1), "收样室 Reception desk", LocationKind.Room, isReceptionDesk: true),
        new(Numbers.LocationBarcode(2), "待检样品架 A Shelf A (to test)", LocationKind.Shelf),
        new(Numbers.LocationBarcode(3), "待检样品架 B Shelf B (to test)", LocationKind.Shelf),
        new(Numbers.LocationBarcode(4), "恒温恒湿箱 Conditioning chamber (20 °C, 65 %RH)", LocationKind.ConditioningChamber),
        new(Numbers.LocationBarcode(5), "力学室工作台 Mechanics lab bench", LocationKind.Bench),
        new(Numbers.LocationBarcode(6), "留样柜 Retention cabinet", LocationKind.Cabinet),
        new(Numbers.LocationBarcode(7), "退样/处置区 Return and disposal area", LocationKind.Room),
    ];
}
