using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Catalog;
using Lab.Domain.Enterprises;
using Lab.Domain.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Tests.Infrastructure;

/// <summary>
/// Base for data tests: a real SQLite file in its own temp folder, brought to the current schema by the real
/// migrations (never EnsureCreated, never the InMemory provider), in WAL mode like the app. Each test class
/// instance has its own file, so data tests run in parallel.
/// </summary>
public abstract class SqliteDatabaseTest(bool migrate = true) : IAsyncLifetime
{
    /// <summary>2026-11-26 08:00 UTC: numbers come out as WT2026-…, S2026-….</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    protected string Folder { get; } = TestFolders.NewTemp("data");
    protected string DatabasePath => Path.Combine(Folder, "lablims.db");
    protected string ConnectionString => $"Data Source={DatabasePath};Default Timeout=30";
    protected FakeTimeProvider Clock { get; } = new(Today);

    /// <summary>A new context on the test's file: use one per unit of work, and a fresh one to see what was saved.</summary>
    protected LabDbContext NewContext() =>
        new(new DbContextOptionsBuilder<LabDbContext>().UseSqlite(ConnectionString).Options);

    public virtual async Task InitializeAsync()
    {
        if (!migrate) return;
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public virtual Task DisposeAsync()
    {
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        TestFolders.DeleteQuietly(Folder);
        return Task.CompletedTask;
    }

    protected async Task SeedReferenceDataAsync()
    {
        await using var db = NewContext();
        await ReferenceData.SeedAsync(db, DateOnly.FromDateTime(Today.UtcDateTime));
    }

    /// <summary>An approved client enterprise (a request needs one).</summary>
    protected async Task<int> AddEnterpriseAsync(string creditCode17 = DemoData.MinghuiCreditCode)
    {
        await using var db = NewContext();
        var code = CreditCode.Parse(creditCode17 + CreditCode.CheckCharacter(creditCode17));
        var enterprise = new Enterprise("晋江测试伞业有限公司", code, "福建省泉州市晋江市测试路 1 号", "测试联系人", "0595-0000 0000",
            "contact@test-umbrella.test", Today.UtcDateTime.AddDays(-30));
        enterprise.Approve("admin@lablims.test", Today.UtcDateTime.AddDays(-29));
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise.Id;
    }

    /// <summary>A submitted request with one sample per barcode, each booked for the given methods.</summary>
    protected static TestRequest SubmittedRequest(int enterpriseId, string number, IReadOnlyList<string> barcodes,
        IEnumerable<TestMethod> methods, decimal totalCny = 100m)
    {
        var at = Today.UtcDateTime;
        var request = new TestRequest(enterpriseId, "client@test-umbrella.test", at);
        var booked = methods.ToList();
        for (var i = 0; i < barcodes.Count; i++)
        {
            var sample = request.AddSample($"测试样品 {i + 1}", $"M-{i + 1}", "测试", null, 10, null);
            foreach (var method in booked) request.AddAnalysis(sample, method);
        }
        request.Submit(number, barcodes, totalCny, DateOnly.FromDateTime(at).AddDays(7), at);
        return request;
    }
}
