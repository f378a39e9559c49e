using Lab.Data.Numbering;
using Lab.Domain.Catalog;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tests.Infrastructure;

namespace Tests.Data;

public sealed class RequestPersistence : SqliteDatabaseTest
{
    [Fact]
    public async Task SavesAndReloadsARequestWithSamplesAnalysesAndLimits()
    {
        await SeedReferenceDataAsync();
        var enterpriseId = await AddEnterpriseAsync();
        int id;
        List<TestMethod> methods;
        await using (var db = NewContext())
        {
            methods = await db.TestMethods.Where(m => m.Code == "UMB-FRAME" || m.Code == "UMB-WIND" || m.Code == "TEX-HYD")
                .OrderBy(m => m.Code).ToListAsync();
            var numbers = new NumberAllocator(db, Clock);
            var request = new TestRequest(enterpriseId, "client@test-umbrella.test", Today.UtcDateTime);
            request.SetTerms(DecisionRule.GuardBand, Urgency.Urgent, ReportLanguage.Bilingual, SampleDisposal.Return, true,
                "请加急 / urgent please", ["Quality@Test-Umbrella.test", "boss@test-umbrella.test"]);
            var umbrella = request.AddSample("直杆晴雨伞 27 寸", "L27", "测试", "2026-11", 10, "全新");
            request.AddAnalysis(umbrella, methods.Single(m => m.Code == "UMB-FRAME"));
            request.AddAnalysis(umbrella, methods.Single(m => m.Code == "UMB-WIND"));
            var fabric = request.AddSample("伞面面料 190T", null, null, null, 10, null);
            request.AddAnalysis(fabric, methods.Single(m => m.Code == "TEX-HYD"));
            request.Submit(await numbers.NextAsync(NumberKind.Request), await numbers.NextAsync(NumberKind.Sample, 2),
                1234.56m, new DateOnly(2026, 12, 3), Today.UtcDateTime.AddMinutes(5));
            db.TestRequests.Add(request);
            await db.SaveChangesAsync();
            id = request.Id;
        }

        await using var check = NewContext();
        var saved = await check.TestRequests.Include(r => r.Samples).ThenInclude(s => s.Analyses).SingleAsync(r => r.Id == id);

        Assert.Equal("WT2026-00001", saved.Number);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        Assert.Equal(DecisionRule.GuardBand, saved.DecisionRule);
        Assert.Equal(Urgency.Urgent, saved.Urgency);
        Assert.Equal(ReportLanguage.Bilingual, saved.ReportLanguage);
        Assert.Equal(SampleDisposal.Return, saved.SampleDisposal);
        Assert.True(saved.SubcontractingAllowed);
        Assert.Equal("请加急 / urgent please", saved.Notes);
        Assert.Equal(["quality@test-umbrella.test", "boss@test-umbrella.test"], saved.ReportRecipients);
        Assert.Equal(1234.56m, saved.TotalCny);
        Assert.Equal(new DateOnly(2026, 12, 3), saved.DueDate);
        Assert.Equal(Today.UtcDateTime.AddMinutes(5), saved.SubmittedAt);

        Assert.Equal(["直杆晴雨伞 27 寸", "伞面面料 190T"], saved.Samples.OrderBy(s => s.Id).Select(s => s.Name));
        Assert.Equal([Numbers.SampleBarcode(2026, 1), Numbers.SampleBarcode(2026, 2)], saved.Samples.OrderBy(s => s.Id).Select(s => s.Barcode));
        var analyses = saved.Samples.SelectMany(s => s.Analyses).OrderBy(a => a.MethodCode).ToList();
        Assert.Equal(methods.Select(m => m.Code), analyses.Select(a => a.MethodCode));
        foreach (var (analysis, method) in analyses.Zip(methods))
        {
            Assert.Equal(method.Limit, analysis.Limit);
            Assert.Equal(method.Unit, analysis.Unit);
            Assert.Equal(method.Precision, analysis.Precision);
            Assert.Equal(method.ExpandedUncertainty, analysis.ExpandedUncertainty);
            Assert.Equal(method.PriceCny, analysis.PriceCny);
            Assert.Equal(method.Version, analysis.MethodVersion);
            Assert.Equal(AnalysisStatus.Pending, analysis.Status);
        }
        Assert.Equal(SpecLimit.Min(200), analyses.Single(a => a.MethodCode == "UMB-FRAME").Limit);
    }

    [Fact]
    public async Task StoresMoneyAsWholeFen()
    {
        var request = await SaveSubmittedRequestAsync(totalCny: 1234.56m);

        await using var db = NewContext();
        var fen = await db.Database.SqlQuery<long>($"SELECT \"TotalCny\" AS \"Value\" FROM \"TestRequests\" WHERE \"Id\" = {request.Id}").SingleAsync();
        Assert.Equal(123456L, fen);
    }

    [Fact]
    public async Task StoresEnumsByName()
    {
        var request = await SaveSubmittedRequestAsync();

        await using var db = NewContext();
        var status = await db.Database.SqlQuery<string>($"SELECT \"Status\" AS \"Value\" FROM \"TestRequests\" WHERE \"Id\" = {request.Id}").SingleAsync();
        var sampleStatus = await db.Database.SqlQuery<string>($"SELECT \"Status\" AS \"Value\" FROM \"Samples\" WHERE \"TestRequestId\" = {request.Id}").FirstAsync();
        var limitKind = await db.Database.SqlQuery<string>($"SELECT \"LimitKind\" AS \"Value\" FROM \"TestMethods\" WHERE \"Code\" = 'UMB-FRAME'").SingleAsync();
        Assert.Equal("Submitted", status);
        Assert.Equal("Expected", sampleStatus);
        Assert.Equal("Min", limitKind);
        // …and reads them back into the enum, in SQL too.
        Assert.Equal(1, await db.TestRequests.CountAsync(r => r.Status == RequestStatus.Submitted));
    }

    [Fact]
    public async Task ReturnsTimesAsUtc()
    {
        var request = await SaveSubmittedRequestAsync();

        await using var db = NewContext();
        var saved = await db.TestRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(DateTimeKind.Utc, saved.CreatedAt.Kind);
        Assert.Equal(Today.UtcDateTime, saved.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, saved.SubmittedAt!.Value.Kind);
        Assert.Equal(Today.UtcDateTime, saved.SubmittedAt);
        // Ordering and comparing happen in SQL on the stored text.
        Assert.Equal(1, await db.TestRequests.CountAsync(r => r.SubmittedAt >= Today.UtcDateTime.AddSeconds(-1)));
    }

    [Fact]
    public async Task RefusesADuplicateSampleBarcode()
    {
        await SeedReferenceDataAsync();
        var enterpriseId = await AddEnterpriseAsync();
        var barcode = Numbers.SampleBarcode(2026, 7);
        await using (var db = NewContext())
        {
            var method = await db.TestMethods.SingleAsync(m => m.Code == "UMB-WIND");
            db.TestRequests.Add(SubmittedRequest(enterpriseId, "WT2026-00001", [barcode], [method]));
            await db.SaveChangesAsync();
        }

        await using var second = NewContext();
        var wind = await second.TestMethods.SingleAsync(m => m.Code == "UMB-WIND");
        second.TestRequests.Add(SubmittedRequest(enterpriseId, "WT2026-00002", [barcode], [wind]));
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());

        var sqlite = Assert.IsType<SqliteException>(ex.InnerException);
        Assert.Equal(19, sqlite.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("Samples.Barcode", sqlite.Message, StringComparison.Ordinal);
    }

    private async Task<TestRequest> SaveSubmittedRequestAsync(decimal totalCny = 100m)
    {
        await SeedReferenceDataAsync();
        var enterpriseId = await AddEnterpriseAsync();
        await using var db = NewContext();
        var method = await db.TestMethods.SingleAsync(m => m.Code == "UMB-FRAME");
        var request = SubmittedRequest(enterpriseId, "WT2026-00001", [Numbers.SampleBarcode(2026, 1)], [method], totalCny);
        db.TestRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }
}
