using Lab.Data.Numbering;
using Lab.Domain.Numbering;
using Tests.Infrastructure;

namespace Tests.Data;

public sealed class NumberAllocation : SqliteDatabaseTest
{
    private const int Callers = 20;

    [Fact]
    public async Task GivesUniqueIncreasingRequestNumbersToConcurrentCallers()
    {
        const int each = 5;

        // Twenty callers, each with its own context and connection on the same file, as twenty web requests would.
        var perCaller = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            await using var db = NewContext();
            var numbers = new NumberAllocator(db, Clock);
            var mine = new List<string>();
            for (var i = 0; i < each; i++) mine.Add(await numbers.NextAsync(NumberKind.Request));
            return mine;
        })));

        var all = perCaller.SelectMany(n => n).ToList();
        Assert.Equal(Callers * each, all.Distinct().Count());
        Assert.All(perCaller, mine => Assert.Equal(mine.Order(StringComparer.Ordinal), mine));
        Assert.Equal(Enumerable.Range(1, Callers * each).Select(n => $"WT2026-{n:00000}"), all.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GivesUniqueValidSampleBarcodeBlocksToConcurrentCallers()
    {
        const int block = 3;

        var blocks = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            await using var db = NewContext();
            var numbers = new NumberAllocator(db, Clock);
            return new[] { await numbers.NextAsync(NumberKind.Sample, block), await numbers.NextAsync(NumberKind.Sample, block) };
        })));

        var all = blocks.SelectMany(b => b).SelectMany(b => b).ToList();
        Assert.All(all, code => Assert.True(Numbers.IsValidSampleBarcode(code), $"{code} does not pass its check character."));
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Callers * 2 * block).Select(n => Numbers.SampleBarcode(2026, n)).Order(StringComparer.Ordinal),
            all.Order(StringComparer.Ordinal));
        // A block is consecutive: one request's samples are numbered together.
        Assert.All(blocks.SelectMany(b => b), b => Assert.Equal(
            Enumerable.Range(0, block).Select(i => Sequence(b[0]) + i), b.Select(Sequence)));
    }

    [Fact]
    public async Task KeepsKindsAndYearsApart()
    {
        await using var db = NewContext();
        var numbers = new NumberAllocator(db, Clock);

        var request = await numbers.NextAsync(NumberKind.Request);
        var report = await numbers.NextAsync(NumberKind.Report);
        Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 1, 0, 0, TimeSpan.Zero));
        var nextYear = await numbers.NextAsync(NumberKind.Request);

        Assert.Equal("WT2026-00001", request);
        Assert.Equal("BG2026-00001", report);
        Assert.Equal("WT2027-00001", nextYear);
    }

    private static int Sequence(string barcode) => int.Parse(barcode.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheYearIsTheLabsYearNotUtcs()
    {
        // 23:30 UTC on 31 December is 07:30 on 1 January in Jinjiang.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        await using var db = NewContext();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        Assert.Equal("WT2027-00001", await new NumberAllocator(db, clock, shanghai).NextAsync(NumberKind.Request));
        Assert.StartsWith("WT2026-", await new NumberAllocator(db, clock).NextAsync(NumberKind.Request), StringComparison.Ordinal);
    }
}
