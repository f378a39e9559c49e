using Lab.Data.ApiKeys;
using Lab.Data.Identity;
using Lab.Data.Outbox;
using Lab.Data.Numbering;
using Lab.Domain.Catalog;
using Lab.Domain.Custody;
using Lab.Domain.Enterprises;
using Lab.Domain.Instruments;
using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lab.Data;

public class LabDbContext(DbContextOptions<LabDbContext> options) : IdentityDbContext<LabUser>(options)
{
    public DbSet<ProductFamily> ProductFamilies => Set<ProductFamily>();
    public DbSet<TestMethod> TestMethods => Set<TestMethod>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<TestRequest> TestRequests => Set<TestRequest>();
    public DbSet<Sample> Samples => Set<Sample>();
    public DbSet<Analysis> Analyses => Set<Analysis>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<StorageLocation> StorageLocations => Set<StorageLocation>();
    public DbSet<CustodyEvent> CustodyEvents => Set<CustodyEvent>();
    public DbSet<Specimen> Specimens => Set<Specimen>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LabDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Statuses and kinds are stored by name: readable in the database and stable when enums grow.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Times are UTC everywhere; SQLite hands them back without a kind, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
