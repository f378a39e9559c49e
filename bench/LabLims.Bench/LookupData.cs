using System.Diagnostics;
using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Data.Numbering;
using Lab.Data.Seed;
using Lab.Domain.Catalog;
using Lab.Domain.Enterprises;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Web.Infrastructure;

namespace LabLims.Bench;

/// <summary>
/// A lab database with a year's worth of work for the lookup benchmark: the real migrations and reference data, one
/// approved enterprise, and 10,000 submitted requests × 10 samples (3 analyses each), made with the domain's own verbs
/// and numbered by the app's <see cref="NumberAllocator"/>, so every barcode is a real one (Numbers.SampleBarcode).
/// The enterprise's demo key and the demo station key are stored so the app can be asked over HTTP.
/// </summary>
public static class LookupData
{
    public static string ConnectionString(string folder) => $"Data Source={Path.Combine(folder, "lablims.db")};Default Timeout=30";

    public static DbContextOptions<LabDbContext> Options(string folder) =>
        new DbContextOptionsBuilder<LabDbContext>().UseSqlite(ConnectionString(folder)).Options;

    /// <summary>The same, writing each SQL command EF runs and its duration to the console.</summary>
    public static DbContextOptions<LabDbContext> OptionsWithSqlLog(string folder) =>
        new DbContextOptionsBuilder<LabDbContext>().UseSqlite(ConnectionString(folder))
            .LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted], LogLevel.Information).Options;

    /// <summary>The sample barcodes of a database made before (--data), in the order issued.</summary>
    public static async Task<List<string>> BarcodesAsync(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "lablims.db"))) throw new InvalidOperationException($"No lablims.db in {folder}.");
        await using var db = new LabDbContext(Options(folder));
        var barcodes = await db.Samples.OrderBy(s => s.Id).Select(s => s.Barcode!).ToListAsync();
        Console.WriteLine($"Reusing {folder}: {barcodes.Count:N0} samples");
        return barcodes;
    }

    /// <summary>Creates the database and answers every sample barcode, in the order issued.</summary>
    public static async Task<List<string>> CreateAsync(string folder, int requests, int samplesPerRequest)
    {
        var clock = TimeProvider.System;
        var now = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();

        await using var db = new LabDbContext(Options(folder));
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await ReferenceData.SeedAsync(db, DateOnly.FromDateTime(now));

        var enterprise = new Enterprise("晋江明辉伞业有限公司", CreditCode.Parse(DemoData.MinghuiCode), "福建省泉州市晋江市池店镇创新大道 88 号",
            "郑明辉", "0595-8566 1234", "client@minghui-umbrella.test", now.AddDays(-400));
        enterprise.Approve("admin@lablims.test", now.AddDays(-399));
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        db.ApiKeys.Add(new ApiKey
        {
            Kind = ApiKeyKind.Enterprise, Name = DemoData.MinghuiApiKeyName, Prefix = Api.EnterpriseKey[..12],
            Hash = ApiKey.HashOf(Api.EnterpriseKey), EnterpriseId = enterprise.Id, CreatedBy = "bench", CreatedAt = now,
        });
        db.ApiKeys.Add(new ApiKey
        {
            Kind = ApiKeyKind.Station, Name = DemoData.ReceptionStationKeyName, Prefix = Api.StationKey[..12],
            Hash = ApiKey.HashOf(Api.StationKey), CreatedBy = "bench", CreatedAt = now,
        });
        await db.SaveChangesAsync();

        var numbers = new NumberAllocator(db, clock, Lang.LabTimeZone);
        var requestNumbers = await numbers.NextAsync(NumberKind.Request, requests);
        var barcodes = (await numbers.NextAsync(NumberKind.Sample, requests * samplesPerRequest)).ToList();
        var methods = await db.TestMethods.AsNoTracking().Where(m => m.Code == "UMB-FRAME" || m.Code == "UMB-WIND" || m.Code == "UMB-OC")
            .ToListAsync();
        var today = DateOnly.FromDateTime(now);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int batch = 500;
        for (var start = 0; start < requests; start += batch)
        {
            db.ChangeTracker.Clear();
            db.TestMethods.AttachRange(methods); // the analyses refer to them; they are not new
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var r = start; r < Math.Min(requests, start + batch); r++)
            {
                var request = new TestRequest(enterprise.Id, "api:minghui erp", now.AddMinutes(-(requests - r)));
                request.SetTerms(DecisionRule.SimpleAcceptance, Urgency.Normal, ReportLanguage.Bilingual, SampleDisposal.Dispose, false, null,
                    ["quality@minghui-umbrella.test"]);
                for (var s = 0; s < samplesPerRequest; s++)
                {
                    var sample = request.AddSample($"直杆晴雨伞 27 寸 #{s + 1}", $"MH-L27-{s + 1:00}", "明辉", $"B{r:00000}", 3, null);
                    foreach (var method in methods) request.AddAnalysis(sample, method);
                }
                var quote = Quote.For(request, today, WorkingDayCalendar.WeekdaysOnly, PricingTerms.Default);
                request.Submit(requestNumbers[r], barcodes.GetRange(r * samplesPerRequest, samplesPerRequest), quote.TotalCny,
                    quote.DueDate, now.AddMinutes(-(requests - r)));
                db.TestRequests.Add(request);
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            if ((start / batch) % 4 == 3) Console.Write($"\r{start + batch:N0} of {requests:N0} requests ({watch.Elapsed.TotalSeconds:0} s)");
        }
        Console.WriteLine();
        // No ANALYZE: the app never runs it, so the query planner sees what it sees in a lab's own database.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"Created {requests:N0} requests, {barcodes.Count:N0} samples, {barcodes.Count * methods.Count:N0} analyses in {watch.Elapsed.TotalSeconds:0} s");
        return barcodes;
    }
}
