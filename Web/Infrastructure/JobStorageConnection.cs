using SQLite;

namespace Web.Infrastructure;

/// <summary>
/// The job storage's connections (jobs.db), opened as Hangfire.Storage.SQLite opens them (read-write, create, full
/// mutex, times as ticks, 10 s busy timeout) but with <c>PRAGMA synchronous = NORMAL</c>: in WAL mode (the storage's
/// default) a commit then no longer waits for the disk. Enqueueing a job is about eight separate commits, so two
/// confirmation emails cost a booking some 15 fsyncs (≈18 ms here, see bench/). What a power cut can take is only the
/// last jobs enqueued, never a consistent database; their emails stay Queued in lablims.db, which is fully durable,
/// and EmailJobs.SweepAsync enqueues them again, and sending is safe to repeat.
/// </summary>
public static class JobStorageConnection
{
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
}
