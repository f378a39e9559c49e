using Hangfire.Server;
using SQLite;

namespace Web.Infrastructure;

/// <summary>
/// Folds the job storage's counters (one row per increment: every job that succeeds adds three, for the dashboard's
/// totals and its history by day and hour) into their aggregated rows, in one transaction per batch. It takes the
/// place of Hangfire.Storage.SQLite 0.4.3's CountersAggregator, which deletes each counter row in a commit of its own
/// and, once it has moved 1,000 rows, never again waits for its interval (its count is not reset between passes): while
/// jobs ran it committed ~1,000 deletes a second, each contending with the workers for jobs.db's one write lock, and the
/// workers slept in SQLite's busy handler (bench/, jobs). Same result: each key's values summed into AggregatedCounter,
/// its expiry the later of the two, the counters folded deleted.
/// </summary>
public sealed class JobCounterAggregation(string path, TimeSpan interval) : IBackgroundProcess
#pragma warning disable CS0618 // Hangfire 1.8 still asks storages without its newer feature for components
    , IServerComponent
#pragma warning restore CS0618
{
    /// <summary>Counters folded in one transaction at most; the rest in the next, at once.</summary>
    public const int Batch = 10_000;

    public void Execute(BackgroundProcessContext context) => Execute(context.StoppingToken);

    public void Execute(CancellationToken cancellationToken)
    {
        using (var connection = JobStorageConnection.Open(path))
        {
            while (AggregateOnce(connection) == Batch) cancellationToken.ThrowIfCancellationRequested();
        }
        cancellationToken.WaitHandle.WaitOne(interval);
    }

    /// <summary>Folds up to <see cref="Batch"/> counters, oldest first; answers how many.</summary>
    public static int AggregateOnce(SQLiteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // IMMEDIATE: the write lock from the start, so no counter can be added between the read and the delete below.
        connection.Execute("BEGIN IMMEDIATE");
        try
        {
            var rows = connection.Query<CounterRow>($"SELECT rowid AS RowId, \"Key\", \"Value\", \"ExpireAt\" FROM \"Counter\" ORDER BY rowid LIMIT {Batch}");
            foreach (var key in rows.GroupBy(r => r.Key, StringComparer.Ordinal))
            {
                var (sum, expireAt) = (key.Sum(r => r.Value), key.Max(r => r.ExpireAt));
                if (connection.Execute("UPDATE \"AggregatedCounter\" SET \"Value\" = \"Value\" + ?, \"ExpireAt\" = MAX(\"ExpireAt\", ?) WHERE \"Key\" = ?",
                        sum, expireAt, key.Key) == 0)
                    connection.Execute("INSERT INTO \"AggregatedCounter\" (\"Key\", \"Value\", \"ExpireAt\") VALUES (?, ?, ?)", key.Key, sum, expireAt);
            }
            if (rows.Count > 0) connection.Execute("DELETE FROM \"Counter\" WHERE rowid <= ?", rows[^1].RowId);
            connection.Execute("COMMIT");
            return rows.Count;
        }
        catch
        {
            try { connection.Execute("ROLLBACK"); }
            catch (SQLiteException) { } // the transaction had already ended; the first error is the one to see
            throw;
        }
    }

    public override string ToString() => "Job counter aggregation (one transaction per batch)";

    private sealed class CounterRow
    {
        public long RowId { get; set; }
        public string Key { get; set; } = "";
        public double Value { get; set; }
        public long ExpireAt { get; set; } // ticks (the storage keeps times as ticks; DateTime.MinValue is 0)
    }
}
