using System.Text.Json;
using Lab.Data;
using Lab.Domain.Numbering;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace Web.Api;

/// <summary>
/// GET /api/v1/samples/{barcode} answered from memory, never stale. Scan stations ask for the same samples all day
/// while they change a few times; a database read per look-up was most of the endpoint's cost (bench/, scan).
/// <para>
/// Validity: SQLite's <c>PRAGMA data_version</c>, read on a connection of our own that never writes, changes whenever
/// any other connection (this process's pooled ones or another process's) commits to the database file
/// (https://sqlite.org/pragma.html#pragma_data_version); the pragma starts a read transaction, so in WAL mode it sees
/// every commit made before it. The version is read BEFORE the query, and the answer is stored under it: a commit
/// between the two only makes the entry look older than it is. An entry is used only while the version is still the
/// one it was stored under, so any commit anywhere forgets everything (coarse, but simple and always right). The owner
/// check (an enterprise key sees its own samples only) is the caller's, on every request, cached or not.
/// </para>
/// <para>
/// On by default with SQLite (<c>Scan:StateCache</c>); always off with another provider, which has no data_version
/// (several app servers on PostgreSQL would each need to hear of the others' writes).
/// </para>
/// </summary>
public sealed class SampleStateCache : IDisposable
{
    public const string ConfigKey = "Scan:StateCache";
    /// <summary>Sample states kept at most (≈ 1–3 KB each): a lab's day of scanning, not its whole archive.</summary>
    public const int Capacity = 10_000;
    /// <summary>An entry nobody asked for in this long goes, even while the database does not change.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly string? _versionConnectionString;
    private readonly JsonSerializerOptions _json;
    private readonly ILogger<SampleStateCache> _logger;
    private readonly MemoryCache? _entries;
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private sqlite3_stmt? _dataVersion;
    private int _epoch;

    /// <summary>A sample's state as the API writes it (UTF-8 JSON), and whose it is; null bytes when there is no such sample.</summary>
    public sealed record Answer(byte[] Json, int EnterpriseId);

    /// <summary>
    /// data_version is a counter of one connection: after the connection is reopened its numbers mean something else,
    /// so each opening has its own epoch and an entry matches only a stamp of the same opening.
    /// </summary>
    public readonly record struct Stamp(int Epoch, long Version);

    private sealed record Entry(Stamp Stamp, Answer? Answer);

    /// <param name="databaseConnectionString">The app's SQLite connection string, or null when the provider is not SQLite.</param>
    /// <param name="enabled">Whether to cache at all (the answers are the same either way).</param>
    /// <param name="capacity">Entries kept at most.</param>
    public SampleStateCache(string? databaseConnectionString, bool enabled, JsonSerializerOptions json, ILogger<SampleStateCache> logger,
        int capacity = Capacity)
    {
        _json = json;
        _logger = logger;
        if (!enabled || databaseConnectionString is null) return;
        _versionConnectionString = new SqliteConnectionStringBuilder(databaseConnectionString)
        {
            Mode = SqliteOpenMode.ReadOnly,
            // Kept open for the app's life; never handed to another user of the pool.
            Pooling = false,
        }.ToString();
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
    }

    public bool Enabled => _entries is not null;

    /// <summary>Entries held now (tests and diagnostics).</summary>
    public long Count => _entries?.Count ?? 0;

    /// <summary>
    /// The state of the sample (or specimen) with this code, as JSON, with its enterprise; null when there is none.
    /// <paramref name="database"/> is asked for the context only when the database must be read.
    /// </summary>
    /// <param name="code">A valid sample or specimen code as <see cref="Numbers.ReadScan"/> read it.</param>
    public async Task<Answer?> FindAsync(Func<LabDbContext> database, string code, ScanKind kind)
    {
        if (_entries is null) return await ReadAsync(database(), code, kind);

        // Read BEFORE the query: whatever the query then reads is at least as new as this stamp says.
        if (Now() is not { } stamp) return await ReadAsync(database(), code, kind);
        var key = (code, kind);
        if (_entries.TryGetValue(key, out Entry? entry) && entry!.Stamp == stamp) return entry.Answer;

        var answer = await ReadAsync(database(), code, kind);
        _entries.Set(key, new Entry(stamp, answer), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return answer;
    }

    /// <summary>The database's data_version as our own connection sees it now; null when it cannot be read (then nothing is cached).</summary>
    public Stamp? Now()
    {
        lock (_lock)
        {
            try
            {
                if (_dataVersion is null)
                {
                    _epoch++;
                    _connection = new SqliteConnection(_versionConnectionString);
                    _connection.Open();
                    using (var busy = _connection.CreateCommand())
                    {
                        // As the app's own connections (SqliteBusyTimeout): wait out a moment of WAL recovery instead of failing.
                        busy.CommandText = "PRAGMA busy_timeout = 30000;";
                        busy.ExecuteNonQuery();
                    }
                    // Prepared once and stepped directly: the look-up's one fixed cost, so without a data reader per call.
                    Check(raw.sqlite3_prepare_v2(_connection.Handle, "PRAGMA data_version;", out var statement));
                    _dataVersion = statement;
                }
                try
                {
                    var rc = raw.sqlite3_step(_dataVersion);
                    if (rc != raw.SQLITE_ROW)
                    {
                        Check(rc);
                        throw new SqliteException("PRAGMA data_version returned no row.", rc);
                    }
                    return new Stamp(_epoch, raw.sqlite3_column_int64(_dataVersion, 0));
                }
                finally
                {
                    raw.sqlite3_reset(_dataVersion);
                }
            }
            catch (SqliteException e)
            {
                // Answer from the database this time (never from a version we could not check), and reopen next time.
                _logger.LogWarning(e, "Could not read the database's data_version; answering sample states from the database.");
                CloseConnection();
                return null;
            }
        }
    }

    private async Task<Answer?> ReadAsync(LabDbContext db, string code, ScanKind kind)
    {
        var found = await SampleStateQuery.FindAsync(db, code, kind);
        return found is null ? null : new Answer(JsonSerializer.SerializeToUtf8Bytes(found.State, _json), found.EnterpriseId);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _connection?.Handle);
    }

    private void CloseConnection()
    {
        _dataVersion?.Dispose();
        _dataVersion = null;
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        lock (_lock) CloseConnection();
        _entries?.Dispose();
    }
}

public static class SampleStateCacheExtensions
{
    /// <summary>
    /// <see cref="SampleStateCache"/> as a singleton: on when <c>Scan:StateCache</c> says so, by default when the
    /// database is SQLite; off (with a warning if it was asked for) with any other provider.
    /// </summary>
    public static IServiceCollection AddSampleStateCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<SampleStateCache>>();
            string? connectionString;
            using (var scope = sp.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
                connectionString = db.Database.IsSqlite() ? db.Database.GetConnectionString() : null;
            }
            var wanted = configuration.GetValue<bool?>(SampleStateCache.ConfigKey);
            if (wanted == true && connectionString is null)
                logger.LogWarning("{Key} is on, but the database is not SQLite (no data_version to check entries against): sample states are not cached.",
                    SampleStateCache.ConfigKey);
            var json = sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions;
            return new SampleStateCache(connectionString, wanted ?? true, json, logger);
        });
        return services;
    }
}
