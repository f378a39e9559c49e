using Hangfire.Server;
using Hangfire.Storage.SQLite;
using SQLite;

namespace Web.Infrastructure;

/// <summary>
/// The job storage (jobs.db): Hangfire.Storage.SQLite with its connections opened as the package opens them (read-write,
/// create, full mutex, times as ticks, 10 s busy timeout) but with <c>PRAGMA synchronous = NORMAL</c>: in WAL mode (the
/// storage's default) a commit then no longer waits for the disk. Enqueueing a job is about eight separate commits, so
/// two confirmation emails cost a booking some 15 fsyncs (≈18 ms here, see bench/). What a power cut can take is only
/// the last jobs enqueued, never a consistent database; their emails stay Queued in lablims.db, which is fully durable,
/// and EmailJobs.SweepAsync enqueues them again, and sending is safe to repeat.
/// </summary>
public static class JobStorageConnection
{
    /// <summary>
    /// The index a worker's fetch needs. The package asks for the next job of a queue with
    /// <c>Queue = ? AND FetchedAt = ?</c> (then <c>FetchedAt &lt; ?</c> for jobs whose worker vanished), once per queue
    /// in turn, but indexes the two columns separately; SQLite then walks <c>IX_JobQueue_FetchedAt</c>, i.e. every job
    /// not yet fetched in any queue, to find that the email queue is empty. With a backlog of N runs every fetch read N
    /// rows (bench/, jobs: the drain sped up as its backlog shrank). On both columns the fetch is a single index seek,
    /// and the order is kept (the first job not yet fetched, by id).
    /// </summary>
    public const string QueueIndex =
        "CREATE INDEX IF NOT EXISTS \"IX_JobQueue_Queue_FetchedAt\" ON \"JobQueue\" (\"Queue\", \"FetchedAt\")";

    public static SQLiteConnection Open(string path)
    {
        var connection = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex,
            storeDateTimeAsTicks: true)
        {
            BusyTimeout = TimeSpan.FromSeconds(10),
        };
        connection.ExecuteScalar<string>("PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>
    /// The storage on <paramref name="path"/>: the package creates its tables (if new), then the fetch's index is added
    /// (if missing). Safe to call on every start and from several processes.
    /// </summary>
    public static SQLiteStorage CreateStorage(string path, SQLiteStorageOptions options)
    {
        var storage = new LabJobStorage(path, options);
        using var connection = Open(path);
        connection.Execute(QueueIndex);
        return storage;
    }
}

/// <summary>
/// Hangfire.Storage.SQLite's storage with its counter aggregator replaced by <see cref="JobCounterAggregation"/>
/// (its expiration manager kept).
/// </summary>
public sealed class LabJobStorage(string path, SQLiteStorageOptions options)
    : SQLiteStorage(new SQLiteDbConnectionFactory(() => JobStorageConnection.Open(path)), options)
{
    private readonly TimeSpan _aggregateEvery = options.CountersAggregateInterval;

    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() =>
        base.GetStorageWideProcesses().Where(p => p is not CountersAggregator).Append(new JobCounterAggregation(path, _aggregateEvery));

    [Obsolete("Hangfire asks for processes instead (GetStorageWideProcesses); kept alike for callers that still ask for components.")]
    public override IEnumerable<IServerComponent> GetComponents() =>
        base.GetComponents().Where(c => c is not CountersAggregator).Append(new JobCounterAggregation(path, _aggregateEvery));
}
