using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Web.Infrastructure;

/// <summary>
/// Lets SQLite itself wait, in steps of a few milliseconds, while another connection holds the write lock
/// (PRAGMA busy_timeout). Without it SQLite answers "busy" at once and Microsoft.Data.Sqlite retries after sleeping
/// 150 ms: a booking that met the email job's one-row update waited 150 ms for a lock held for about one (the tail of
/// the booking benchmark, see bench/). The wait is bounded by the same 30 s as the commands' timeout. Set once per
/// physical connection: pooled connections keep it.
/// </summary>
public sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Applied = [];
    private readonly string _pragma = $"PRAGMA busy_timeout = {((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection); // Microsoft.Data.Sqlite runs commands synchronously anyway
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || !Applied.TryAdd(handle, this)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
