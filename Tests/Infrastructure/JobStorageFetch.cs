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
