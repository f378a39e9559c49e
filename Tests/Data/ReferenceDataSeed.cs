using Lab.Data.Seed;
using Lab.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Tests.Infrastructure;

namespace Tests.Data;

public sealed class ReferenceDataSeed : SqliteDatabaseTest
{
    [Fact]
    public async Task PutsTheCatalogWithEveryFamilyInPlace()
    {
        await SeedReferenceDataAsync();

        await using var db = NewContext();
        var codes = await db.TestMethods.Select(m => m.Code).ToListAsync();
        Assert.True(codes.Count >= 40, $"Only {codes.Count} methods were seeded.");
        Assert.Contains("UMB-FRAME", codes);
        foreach (var prefix in new[] { "UMB-", "FTW-", "TEX-", "FOM-" })
            Assert.Contains(codes, c => c.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(["FOM", "FTW", "TEX", "UMB"], (await db.ProductFamilies.Select(f => f.Code).ToListAsync()).Order());
    }

    [Fact]
    public async Task PutsAnInstrumentInPlaceForEveryInstrumentTypeAMethodNeeds()
    {
        await SeedReferenceDataAsync();

        await using var db = NewContext();
        var needed = (await db.TestMethods.Select(m => m.InstrumentType).ToListAsync()).Distinct().ToList();
        var available = (await db.Instruments.Select(i => i.Type).ToListAsync()).ToHashSet();
        Assert.NotEmpty(needed);
        Assert.All(needed, type => Assert.Contains(type, available));
    }

    [Fact]
    public async Task AddsNothingWhenRunAgain()
    {
        await SeedReferenceDataAsync();
        var before = await CountsAsync();

        await SeedReferenceDataAsync();

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task KeepsAMethodTheLabHasRevised()
    {
        await SeedReferenceDataAsync();
        await using (var db = NewContext())
        {
            var frame = await db.TestMethods.SingleAsync(m => m.Code == "UMB-FRAME");
            frame.Revise("N", 1, SpecLimit.Min(250), "≥250 N（实验室修订）", "≥ 250 N (revised by the lab)", 1.5, confirmed: true);
            await db.SaveChangesAsync();
        }

        await SeedReferenceDataAsync();

        await using var check = NewContext();
        var revised = await check.TestMethods.SingleAsync(m => m.Code == "UMB-FRAME");
        Assert.Equal(2, revised.Version);
        Assert.Equal(SpecLimit.Min(250), revised.Limit);
        Assert.Equal("≥ 250 N (revised by the lab)", revised.RequirementEn);
        Assert.False(revised.NeedsConfirmation);
        Assert.Equal(1, await check.TestMethods.CountAsync(m => m.Code == "UMB-FRAME"));
    }

    private async Task<(int Families, int Methods, int Instruments)> CountsAsync()
    {
        await using var db = NewContext();
        return (await db.ProductFamilies.CountAsync(), await db.TestMethods.CountAsync(), await db.Instruments.CountAsync());
    }
}
