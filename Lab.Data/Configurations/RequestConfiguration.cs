using Lab.Domain.Requests;
using Lab.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lab.Data.Configurations;

public sealed class TestRequestConfiguration : IEntityTypeConfiguration<TestRequest>
{
    public void Configure(EntityTypeBuilder<TestRequest> b)
    {
        b.Property(r => r.Number).HasMaxLength(20);
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => new { r.EnterpriseId, r.Status });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.CreatedBy).HasMaxLength(200);
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.Property(r => r.ProducerName).HasMaxLength(200);
        b.Property(r => r.ProducerAddress).HasMaxLength(300);
        b.Property(r => r.CancellationReason).HasMaxLength(1000);
        b.Property(r => r.ConsultationOutcome).HasMaxLength(1000);
        b.Property(r => r.TotalCny).HasConversion(Mapping.Money);
        b.PrimitiveCollection<List<string>>("_reportRecipients").HasColumnName("ReportRecipients");
        b.Ignore(r => r.ReportRecipients);
        b.HasMany(r => r.Samples).WithOne().HasForeignKey(s => s.TestRequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Samples).HasField("_samples");
        b.Ignore(r => r.Analyses);
        b.Ignore(r => r.CurrentAnalyses);
    }
}

public sealed class SampleConfiguration : IEntityTypeConfiguration<Sample>
{
    public void Configure(EntityTypeBuilder<Sample> b)
    {
        b.Property(s => s.Barcode).HasMaxLength(20);
        b.HasIndex(s => s.Barcode).IsUnique();
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Model).HasMaxLength(200);
        b.Property(s => s.Brand).HasMaxLength(100);
        b.Property(s => s.Batch).HasMaxLength(100);
        b.Property(s => s.Description).HasMaxLength(1000);
        b.Property(s => s.ReceivedBy).HasMaxLength(200);
        b.Property(s => s.ReceiptNote).HasMaxLength(1000);
        b.Property(s => s.ReleasedBy).HasMaxLength(200);
        b.HasMany(s => s.Analyses).WithOne().HasForeignKey(a => a.SampleId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Analyses).HasField("_analyses");
        b.HasMany(s => s.Specimens).WithOne().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Specimens).HasField("_specimens");
        b.Property(s => s.LocationBarcode).HasMaxLength(20);
        b.Property(s => s.LocationName).HasMaxLength(100);
        b.Property(s => s.Holder).HasMaxLength(200);
        b.HasIndex(s => new { s.Status, s.RetainUntil });
        // Two stations scanning the same sample at the same moment: the second save finds the status changed and is refused.
        b.Property(s => s.Status).IsConcurrencyToken();
        b.Ignore(s => s.CurrentAnalyses);
    }
}

public sealed class AnalysisConfiguration : IEntityTypeConfiguration<Analysis>
{
    public void Configure(EntityTypeBuilder<Analysis> b)
    {
        b.HasOne(a => a.Method).WithMany().HasForeignKey(a => a.TestMethodId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.MethodCode).HasMaxLength(12);
        b.Property(a => a.Unit).HasMaxLength(40);
        b.Property(a => a.PriceCny).HasConversion(Mapping.Money);
        b.ComplexProperty(a => a.Limit, Mapping.ConfigureLimit);
        b.Property(a => a.ResultText).HasMaxLength(100);
        b.Property(a => a.ProducedBy).HasMaxLength(200);
        b.Property(a => a.VerifiedBy).HasMaxLength(200);
        b.Property(a => a.FailureReason).HasMaxLength(1000);
        b.Property(a => a.RetractionReason).HasMaxLength(1000);
        b.HasIndex(a => a.Status);
        b.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Changes).HasField("_changes");
    }
}

public sealed class ResultChangeConfiguration : IEntityTypeConfiguration<ResultChange>
{
    public void Configure(EntityTypeBuilder<ResultChange> b)
    {
        b.Property(c => c.OldText).HasMaxLength(100);
        b.Property(c => c.NewText).HasMaxLength(100);
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.Property(c => c.By).HasMaxLength(200);
    }
}
