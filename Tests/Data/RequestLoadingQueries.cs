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
        Assert.Equal(6, commands.Recorded.Count); // the request, its samples, their analyses with methods: twice

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
