using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using Web.Infrastructure;

namespace Tests.Infrastructure;

/// <summary>
/// The job storage as the app opens it (<see cref="JobStorageConnection.CreateStorage"/>): a worker's fetch finds the
/// next job of a queue by one index seek, whatever the backlog in other queues, and still in the order jobs came.
/// </summary>
public sealed class JobStorageFetch : IDisposable
{
    // The two statements Hangfire.Storage.SQLite 0.4.3 runs for each queue on every fetch (as sqlite-net writes them).
    private const string NotYetFetched = "select * from \"JobQueue\" where ((\"Queue\" = ?) and (\"FetchedAt\" = ?)) limit 1";
    private const string FetchedByAVanishedWorker = "select * from \"JobQueue\" where ((\"Queue\" = ?) and (\"FetchedAt\" < ?)) limit 1";

    private readonly string _folder = TestFolders.NewTemp("job-storage");
    private string JobsDb => Path.Combine(_folder, "jobs.db");

    [Fact]
    public void TheFetchSeeksItsQueueInOneIndexInsteadOfWalkingEveryJobNotYetFetched()
    {
        JobStorageConnection.CreateStorage(JobsDb, new SQLiteStorageOptions());
        Assert.Equal("SEARCH JobQueue USING INDEX IX_JobQueue_Queue_FetchedAt (Queue=? AND FetchedAt=?)", Plan(NotYetFetched));
        Assert.Equal("SEARCH JobQueue USING INDEX IX_JobQueue_Queue_FetchedAt (Queue=? AND FetchedAt<?)", Plan(FetchedByAVanishedWorker));
    }

    [Fact]
    public void WithABacklogInOneQueueTheOtherQueueStillComesFirstAndEachInTheOrderItsJobsCame()
    {
        var storage = JobStorageConnection.CreateStorage(JobsDb, new SQLiteStorageOptions());
        var client = new BackgroundJobClient(storage);
        var runs = Enumerable.Range(0, 50).Select(i => client.Create(Job.FromExpression(() => Console.WriteLine(i)), new EnqueuedState("default"))).ToList();
        var emails = Enumerable.Range(0, 2).Select(i => client.Create(Job.FromExpression(() => Console.WriteLine(i)), new EnqueuedState("email"))).ToList();
        // Opening the storage again (the app's next start) keeps its tables, jobs and index.
        storage = JobStorageConnection.CreateStorage(JobsDb, new SQLiteStorageOptions());

        using var connection = storage.GetConnection();
        var fetched = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var job = connection.FetchNextJob(["email", "default"], CancellationToken.None);
            fetched.Add(job.JobId);
            job.RemoveFromQueue();
        }
        Assert.Equal([emails[0], emails[1], runs[0], runs[1], runs[2]], fetched);
    }

    [Fact]
    public void CountersAreFoldedIntoTheDashboardsTotalsAndHistoryInOneTransactionPerBatch()
    {
        var storage = JobStorageConnection.CreateStorage(JobsDb, new SQLiteStorageOptions());
        var processes = storage.GetStorageWideProcesses().ToList();
        Assert.Contains(processes, p => p is JobCounterAggregation);
        Assert.DoesNotContain(processes, p => p is CountersAggregator);
        Assert.Contains(processes, p => p is ExpirationManager);

        // Five jobs succeed (Hangfire counts each in a total, a day and an hour), one more total added and taken back.
        var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        void Count(Action<Hangfire.Storage.IWriteOnlyTransaction> change)
        {
            using var connection = storage.GetConnection();
            using var transaction = connection.CreateWriteTransaction();
            change(transaction);
            transaction.Commit();
        }
        for (var i = 0; i < 5; i++)
            Count(t =>
            {
                t.IncrementCounter("stats:succeeded");
                t.IncrementCounter($"stats:succeeded:{day}", TimeSpan.FromDays(30));
            });
        Count(t => t.IncrementCounter("stats:succeeded"));
        Count(t => t.DecrementCounter("stats:succeeded"));
        var monitoring = storage.GetMonitoringApi();
        long Total()
        {
            using var connection = (Hangfire.Storage.JobStorageConnection)storage.GetConnection();
            return connection.GetCounter("stats:succeeded"); // reads counters and aggregates alike
        }
        Assert.Equal(5, Total());

        using (var connection = JobStorageConnection.Open(JobsDb))
        {
            Assert.Equal(12, JobCounterAggregation.AggregateOnce(connection));
            Assert.Equal(0, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM \"Counter\""));
            Assert.Equal(0, JobCounterAggregation.AggregateOnce(connection));
        }
        Assert.Equal(5, Total());
        Assert.Equal(5, monitoring.SucceededByDatesCount()[DateTime.UtcNow.Date]); // the history reads aggregates only

        // More later: added to the same aggregated rows, the expiry moved to the later one.
        for (var i = 0; i < 3; i++) Count(t => t.IncrementCounter($"stats:succeeded:{day}", TimeSpan.FromDays(60)));
        using (var connection = JobStorageConnection.Open(JobsDb))
        {
            Assert.Equal(3, JobCounterAggregation.AggregateOnce(connection));
            var expireAt = new DateTime(connection.ExecuteScalar<long>("SELECT \"ExpireAt\" FROM \"AggregatedCounter\" WHERE \"Key\" = ?", $"stats:succeeded:{day}"), DateTimeKind.Utc);
            Assert.InRange(expireAt, DateTime.UtcNow.AddDays(59), DateTime.UtcNow.AddDays(61));
            Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT \"ExpireAt\" FROM \"AggregatedCounter\" WHERE \"Key\" = 'stats:succeeded'"));
        }
        Assert.Equal(8, monitoring.SucceededByDatesCount()[DateTime.UtcNow.Date]);
        Assert.Equal(5, Total());
    }

    /// <summary>SQLite's plan for a statement, bound as the storage binds it (sqlite-net, a queue name and a time).</summary>
    private string Plan(string sql)
    {
        using var connection = JobStorageConnection.Open(JobsDb);
        return string.Join(" | ", connection.Query<PlanStep>("EXPLAIN QUERY PLAN " + sql, "email", DateTime.UtcNow).Select(s => s.Detail));
    }

    private sealed class PlanStep
    {
        // EXPLAIN QUERY PLAN answers id, parent, notused, detail.
        [SQLite.Column("detail")] public string Detail { get; set; } = "";
    }

    public void Dispose() => TestFolders.DeleteQuietly(_folder);
}
