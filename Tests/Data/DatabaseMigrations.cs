using Microsoft.EntityFrameworkCore;
using Tests.Infrastructure;

namespace Tests.Data;

public sealed class DatabaseMigrations() : SqliteDatabaseTest(migrate: false)
{
    [Fact]
    public async Task ApplyToAnEmptyFile()
    {
        Assert.False(File.Exists(DatabasePath));
        await using var db = NewContext();

        await db.Database.MigrateAsync();

        Assert.True(File.Exists(DatabasePath));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.Superset(new HashSet<string> { "TestRequests", "Samples", "Analyses", "TestMethods", "Instruments", "Reports",
            "Enterprises", "NumberSequences", "AspNetUsers", "AspNetRoles" }, tables.ToHashSet());
    }

    [Fact]
    public async Task CoverTheWholeModel()
    {
        // A model change without its migration would make Migrate() throw at start-up (or silently miss a column).
        await using var db = NewContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration covers: run `dotnet ef migrations add`.");
    }

    [Fact]
    public async Task RunTwiceWithoutError()
    {
        await using (var first = NewContext()) await first.Database.MigrateAsync();
        await using var second = NewContext();

        await second.Database.MigrateAsync();

        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
    }
}
