using System.Data;
using System.Data.Common;
using Lab.Domain.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lab.Data.Numbering;

/// <summary>
/// Hands out request numbers, sample barcodes and report numbers from a per-year sequence row in the
/// database. One atomic upsert reserves a block (INSERT … ON CONFLICT DO UPDATE … RETURNING, the same SQL on
/// SQLite and PostgreSQL), so several people, processes or servers can book at once without a collision;
/// the unique indexes on the numbers are the last line of defence. A number taken by a save that then fails
/// is not reused: numbers are unique and increasing, not gapless.
/// </summary>
public sealed class NumberAllocator(LabDbContext db, TimeProvider clock, TimeZoneInfo? labTimeZone = null)
{
    private const string UpsertSql = """
        INSERT INTO "NumberSequences" ("Kind", "Year", "Last") VALUES (@kind, @year, @count)
        ON CONFLICT ("Kind", "Year") DO UPDATE SET "Last" = "NumberSequences"."Last" + @count
        RETURNING "Last"
        """;

    public async Task<string> NextAsync(NumberKind kind, CancellationToken ct = default) =>
        (await NextAsync(kind, 1, ct))[0];

    public async Task<IReadOnlyList<string>> NextAsync(NumberKind kind, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // The year as the lab reads its calendar: a request booked at 07:00 on 1 January in Jinjiang is next year's.
        var now = clock.GetUtcNow().UtcDateTime;
        var year = (labTimeZone is null ? now : TimeZoneInfo.ConvertTimeFromUtc(now, labTimeZone)).Year;
        var last = await ReserveAsync(kind, year, count, ct);
        return Enumerable.Range(0, count).Select(i => Numbers.Format(kind, year, last - count + 1 + i)).ToList();
    }

    private async Task<long> ReserveAsync(NumberKind kind, int year, int count, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = UpsertSql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "@kind", kind.ToString());
            Add(command, "@year", year);
            Add(command, "@count", (long)count);
            var result = await command.ExecuteScalarAsync(ct);
            return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
