using System.Data.Common;
using Lab.Data;
using Lab.Domain.Numbering;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tests.Infrastructure;

namespace Tests.Data;

/// <summary>
/// The request aggregate loaded from one of its analyses or sample barcodes (RunService, RunJobs, AnalysesController,
/// ScanService): the right request, whole, and found by keys and indexes only: SQLite's plan for every query EF runs
/// has no full scan of requests, samples or analyses (a scan grows with every request the lab has booked).
/// </summary>
public sealed class RequestLoadingQueries : SqliteDatabaseTest
{
    [Fact]
    public async Task FindsTheRequestOwningAnAnalysisOrASampleAmongOthers()
    {
        var (analysisIds, barcodes) = await BookThreeRequestsAsync();

        await using var db = NewContext();
        var byAnalysis = await db.RequestOwningAnalysis(analysisIds[1]).SingleAsync();
        Assert.Equal("WT2026-00002", byAnalysis.Number);
        Assert.Equal(2, byAnalysis.Samples.Count);
        Assert.All(byAnalysis.Samples, s => Assert.Equal(2, s.Analyses.Count));
        Assert.All(byAnalysis.Samples.SelectMany(s => s.Analyses), a => Assert.NotNull(a.Method));

        var bySample = await db.RequestOwningSample(barcodes[2]).AsNoTracking().SingleAsync();
        Assert.Equal("WT2026-00003", bySample.Number);
        Assert.Null(await db.RequestOwningAnalysis(999_999).SingleOrDefaultAsync());
        Assert.Null(await db.RequestOwningSample(Numbers.SampleBarcode(2026, 999)).SingleOrDefaultAsync());

        // What a run job records its result on: the same whole request (every sample, every analysis), tracked.
        await using var forResult = NewContext();
        var toRecord = await forResult.RequestToRecordResultAsync(analysisIds[2]);
        Assert.Equal("WT2026-00003", toRecord!.Number);
        Assert.Equal(2, toRecord.Samples.Count);
        Assert.All(toRecord.Samples, s => Assert.Equal(2, s.Analyses.Count));
        Assert.Contains(toRecord.Samples.SelectMany(s => s.Analyses), a => a.Id == analysisIds[2]);
        Assert.Equal(EntityState.Unchanged, forResult.Entry(toRecord.Samples[1].Analyses[1]).State);
        Assert.Null(await forResult.RequestToRecordResultAsync(999_999));
    }

    [Fact]
    public async Task ResultsRecordedOnTheLoadedRequestMoveItToReviewingWithTheLastOne()
    {
        var (analysisIds, _) = await BookThreeRequestsAsync();
        List<int> ofSecondRequest;
        await using (var db = NewContext())
        {
            var request = await db.RequestOwningAnalysis(analysisIds[1]).SingleAsync();
            foreach (var sample in request.Samples) request.ReceiveSample(sample, "reception", Today.UtcDateTime, sample.Quantity, Lab.Domain.Requests.SampleCondition.Intact, null);
            foreach (var analysis in request.Samples.SelectMany(s => s.Analyses)) request.StartAnalysis(analysis, Today.UtcDateTime);
            await db.SaveChangesAsync();
            ofSecondRequest = request.Samples.SelectMany(s => s.Analyses).Select(a => a.Id).Order().ToList();
        }

        // One result per context, as one run job each would record it; the request follows only with the last.
        foreach (var analysisId in ofSecondRequest)
        {
            await using var db = NewContext();
            var request = (await db.RequestToRecordResultAsync(analysisId))!;
            var analysis = request.Samples.SelectMany(s => s.Analyses).Single(a => a.Id == analysisId);
            // As RunJobs records it: a finding for a pass/fail method, a value otherwise.
            if (analysis.Limit.Kind == Lab.Domain.Catalog.LimitKind.PassFail) request.RecordFinding(analysis, true, "station:UTM-01", Today.UtcDateTime);
            else request.RecordResult(analysis, 420, "station:UTM-01", Today.UtcDateTime);
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var done = await check.RequestOwningAnalysis(analysisIds[1]).AsNoTracking().SingleAsync();
        Assert.Equal(Lab.Domain.Requests.RequestStatus.Reviewing, done.Status);
        Assert.All(done.Samples, s => Assert.Equal(Lab.Domain.Requests.SampleStatus.Tested, s.Status));
        Assert.All(done.Samples.SelectMany(s => s.Analyses), a => Assert.Equal(Lab.Domain.Requests.AnalysisStatus.ToBeVerified, a.Status));
        // The other requests were not touched.
        var other = await check.RequestOwningAnalysis(analysisIds[0]).AsNoTracking().SingleAsync();
        Assert.Equal(Lab.Domain.Requests.RequestStatus.Submitted, other.Status);
    }

    [Fact]
    public async Task ResultsRecordedBeforeTheLastLeaveTheRequestInTesting()
    {
        var (analysisIds, _) = await BookThreeRequestsAsync();
        int first;
        await using (var db = NewContext())
        {
            var request = await db.RequestOwningAnalysis(analysisIds[1]).SingleAsync();
            foreach (var sample in request.Samples) request.ReceiveSample(sample, "reception", Today.UtcDateTime, sample.Quantity, Lab.Domain.Requests.SampleCondition.Intact, null);
            var analysis = request.Samples[0].Analyses[0];
            request.StartAnalysis(analysis, Today.UtcDateTime);
            await db.SaveChangesAsync();
            first = analysis.Id;
        }
        await using (var db = NewContext())
        {
            var request = (await db.RequestToRecordResultAsync(first))!;
            var analysis = request.Samples.SelectMany(s => s.Analyses).Single(a => a.Id == first);
            if (analysis.Limit.Kind == Lab.Domain.Catalog.LimitKind.PassFail) request.RecordFinding(analysis, true, "station:UTM-01", Today.UtcDateTime);
            else request.RecordResult(analysis, 420, "station:UTM-01", Today.UtcDateTime);
            await db.SaveChangesAsync();
        }
        await using var check = NewContext();
        var request2 = await check.RequestOwningAnalysis(analysisIds[1]).AsNoTracking().SingleAsync();
        Assert.Equal(Lab.Domain.Requests.RequestStatus.InTesting, request2.Status);
        Assert.Equal(Lab.Domain.Requests.SampleStatus.InTesting, request2.Samples[0].Status);
    }

    [Fact]
    public async Task UsesKeysAndIndexesOnly()
    {
        var (analysisIds, barcodes) = await BookThreeRequestsAsync();
        var commands = new CommandRecorder();
        await using (var db = new LabDbContext(new DbContextOptionsBuilder<LabDbContext>().UseSqlite(ConnectionString).AddInterceptors(commands).Options))
        {
            await db.RequestOwningAnalysis(analysisIds[0]).SingleAsync();
            await db.RequestOwningSample(barcodes[0]).SingleAsync();
        }
        await using (var db = new LabDbContext(new DbContextOptionsBuilder<LabDbContext>().UseSqlite(ConnectionString).AddInterceptors(commands).Options))
            await db.RequestToRecordResultAsync(analysisIds[1]);
        // The request, its samples, their analyses with methods: twice; then the request, and its samples joined to their analyses.
        Assert.Equal(8, commands.Recorded.Count);

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in commands.Recorded)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
            // EF's split queries read the request's id from a co-routine (one row): scanning that is fine, a table is not.
            var subqueries = plan.Where(step => step.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || step.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
                .Select(step => step.Split(' ')[1]).ToHashSet();
            Assert.False(plan.Any(step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !subqueries.Contains(step.Split(' ')[1])),
                $"{sql}\n→ {string.Join(" | ", plan)}");
        }
    }

    private async Task<(List<int> AnalysisIds, List<string> Barcodes)> BookThreeRequestsAsync()
    {
        await SeedReferenceDataAsync();
        var enterpriseId = await AddEnterpriseAsync();
        await using var db = NewContext();
        var methods = await db.TestMethods.Where(m => m.Code == "UMB-FRAME" || m.Code == "UMB-WIND").ToListAsync();
        var analysisIds = new List<int>();
        var barcodes = new List<string>();
        for (var r = 1; r <= 3; r++)
        {
            var sampleBarcodes = new[] { Numbers.SampleBarcode(2026, r * 2 - 1), Numbers.SampleBarcode(2026, r * 2) };
            var request = SubmittedRequest(enterpriseId, $"WT2026-{r:00000}", sampleBarcodes, methods);
            db.TestRequests.Add(request);
            await db.SaveChangesAsync();
            analysisIds.Add(request.Analyses.First().Id);
            barcodes.Add(sampleBarcodes[0]);
        }
        return (analysisIds, barcodes);
    }

    /// <summary>Every query's SQL and parameter values, to ask SQLite for its plan afterwards.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object Value)> Parameters)> Recorded { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Recorded.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList()));
            return ValueTask.FromResult(result);
        }
    }
}
